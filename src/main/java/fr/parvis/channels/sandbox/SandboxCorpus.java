package fr.parvis.channels.sandbox;

import fr.parvis.shared.Texts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts of the simulated audience, read from {@code sandbox/corpus-fr.txt}: templates by
 * category with variables ({@code {rue}}, {@code {service}}…) filled from value lists, so that
 * comments, mentions, messages and demo posts vary. Rendering only draws from the given
 * {@link Random}: the same random state gives the same text.
 */
public final class SandboxCorpus {

    /** What a comment is about, for the variety of the simulation (and its tests). */
    public enum Category {
        QUESTION,
        THANKS,
        COMPLAINT,
        REQUEST,
        INSULT,
        PERSONAL_DATA,
        SPAM,
        OFF_TOPIC
    }

    /** The topics of demo accounts (their posts). */
    public enum Theme {
        GENERAL,
        JEUNESSE,
        ENTREPRENDRE
    }

    /** An author of the simulated audience. */
    public record Person(String handle, String name) {
    }

    static final String RESOURCE = "sandbox/corpus-fr.txt";

    private static final Pattern VARIABLE = Pattern.compile("\\{([a-z]+)}");

    private final Map<String, List<String>> variables = new HashMap<>();
    private final Map<Category, List<String>> comments = new EnumMap<>(Category.class);
    private final Map<Category, Integer> weights = new EnumMap<>(Category.class);
    private final Map<Theme, List<String>> posts = new EnumMap<>(Theme.class);
    private final Map<String, List<String>> others = new HashMap<>();
    private final int totalWeight;

    SandboxCorpus(List<String> lines) {
        List<String> current = null;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = section(line.substring(1, line.length() - 1).strip());
            } else if (current == null) {
                throw new IllegalStateException("Sandbox corpus: text outside any section: " + line);
            } else {
                current.add(line);
            }
        }
        for (Category category : Category.values()) {
            if (comments.getOrDefault(category, List.of()).isEmpty()) {
                throw new IllegalStateException("Sandbox corpus: no comment of category " + category);
            }
        }
        for (Theme theme : Theme.values()) {
            if (posts.getOrDefault(theme, List.of()).isEmpty()) {
                throw new IllegalStateException("Sandbox corpus: no post of theme " + theme);
            }
        }
        for (String kind : List.of("reply", "mention", "dm")) {
            if (others.getOrDefault(kind, List.of()).isEmpty()) {
                throw new IllegalStateException("Sandbox corpus: no " + kind);
            }
        }
        totalWeight = weights.values().stream().mapToInt(Integer::intValue).sum();
        checkVariables();
    }

    /** The corpus shipped with Parvis. */
    public static SandboxCorpus load() {
        try (InputStream in = SandboxCorpus.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            return new SandboxCorpus(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> section(String header) {
        String[] parts = header.split("\\s+");
        String[] name = parts[0].split(":", 2);
        List<String> list = new ArrayList<>();
        switch (name[0]) {
            case "var" -> variables.put(name[1], list);
            case "comment" -> {
                Category category = Category.valueOf(name[1]);
                comments.put(category, list);
                weights.put(category, parts.length > 1 ? Integer.parseInt(parts[1]) : 1);
            }
            case "post" -> posts.put(Theme.valueOf(name[1]), list);
            case "reply", "mention", "dm" -> others.put(name[0], list);
            default -> throw new IllegalStateException("Sandbox corpus: unknown section " + header);
        }
        return list;
    }

    private void checkVariables() {
        List<String> all = new ArrayList<>();
        comments.values().forEach(all::addAll);
        posts.values().forEach(all::addAll);
        others.values().forEach(all::addAll);
        for (String template : all) {
            Matcher matcher = VARIABLE.matcher(template);
            while (matcher.find()) {
                String name = matcher.group(1);
                if (!variables.containsKey(name) && !GENERATED.contains(name)) {
                    throw new IllegalStateException("Sandbox corpus: unknown variable {" + name + "} in " + template);
                }
            }
        }
    }

    private static final List<String> GENERATED = List.of("telephone", "email", "nombre", "compte");

    /** A category drawn with the weights of the corpus. */
    public Category category(Random random) {
        int draw = random.nextInt(totalWeight);
        for (Map.Entry<Category, Integer> weight : weights.entrySet()) {
            draw -= weight.getValue();
            if (draw < 0) {
                return weight.getKey();
            }
        }
        throw new IllegalStateException("unreachable");
    }

    public String comment(Category category, Random random, String account) {
        return render(pick(comments.get(category), random), random, account);
    }

    public String reply(Random random, String account) {
        return render(pick(others.get("reply"), random), random, account);
    }

    public String mention(Random random, String account) {
        return render(pick(others.get("mention"), random), random, account);
    }

    public String directMessage(Random random, String account) {
        return render(pick(others.get("dm"), random), random, account);
    }

    public String post(Theme theme, Random random, String account) {
        return render(pick(posts.get(theme), random), random, account);
    }

    public Person person(Random random) {
        String first = pick(variables.get("prenom"), random);
        String last = pick(variables.get("nom"), random);
        int suffix = random.nextInt(100);
        String handle = slug(first) + "." + slug(last) + (suffix < 30 ? String.valueOf(suffix) : "");
        return new Person(handle, first + " " + last);
    }

    private final Map<String, String> slugs = new java.util.concurrent.ConcurrentHashMap<>();

    private String slug(String name) {
        return slugs.computeIfAbsent(name, n -> Texts.slugify(n, 20).replace('-', '_'));
    }

    /** Number of templates (all kinds), to show how varied the corpus is. */
    public int templates() {
        return comments.values().stream().mapToInt(List::size).sum() + others.values().stream().mapToInt(List::size)
                .sum() + posts.values().stream().mapToInt(List::size).sum();
    }

    String render(String template, Random random, String account) {
        Matcher matcher = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        Map<String, String> fixed = new HashMap<>();
        while (matcher.find()) {
            String name = matcher.group(1);
            // the same variable twice in a template (a person's first name and e-mail) stays consistent
            String value = fixed.get(name);
            if (value == null) {
                value = value(name, random, account, fixed);
                fixed.put(name, value);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        String text = out.toString();
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private String value(String name, Random random, String account, Map<String, String> fixed) {
        return switch (name) {
            // numbers reserved by ARCEP for fiction (06 39 98 xx xx): never a real subscriber
            case "telephone" -> String.format("06 39 98 %02d %02d", random.nextInt(100), random.nextInt(100));
            case "email" -> Texts.slugify(remembered("prenom", random, fixed), 20) + "."
                    + Texts.slugify(remembered("nom", random, fixed), 20) + "@"
                    + pick(variables.get("emaildomaine"), random);
            case "nombre" -> String.valueOf(2 + random.nextInt(39));
            case "compte" -> account;
            default -> pick(variables.get(name), random);
        };
    }

    private String remembered(String name, Random random, Map<String, String> fixed) {
        String value = fixed.get(name);
        if (value == null) {
            value = pick(variables.get(name), random);
            fixed.put(name, value);
        }
        return value;
    }

    private static String pick(List<String> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }
}
