package fr.parvis.publishing.crisis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The alert templates shipped with Parvis (French texts, written for a commune's accounts), and the
 * placeholders they may use. A collectivité edits its own copy ({@code publishing_alert_template});
 * the shipped text is used until then.
 */
final class AlertTemplatesCatalog {

    static final int MAX_VALUE = 300;

    /** The placeholders a template may use, in the order the form asks for them. */
    static final List<String> PLACEHOLDERS = List.of("commune", "date", "heure", "details", "numero_info");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}\\s]{1,40})}");

    /** A shipped template. */
    record Shipped(String code, String title, String body) {
    }

    static final Map<String, Shipped> SHIPPED = new LinkedHashMap<>();

    static {
        add("canicule", "Alerte canicule",
                "Alerte canicule à {commune} à partir du {date}. Buvez de l'eau régulièrement, "
                        + "fermez volets et fenêtres en journée, évitez les efforts aux heures chaudes et prenez des "
                        + "nouvelles de vos proches âgés ou isolés. {details} Salles rafraîchies et inscription au "
                        + "registre des personnes vulnérables : {numero_info}. Urgence : 15 ou 112.");
        add("inondation", "Alerte inondation",
                "Risque d'inondation à {commune} le {date} à partir de {heure}. Ne prenez pas votre "
                        + "voiture, ne vous engagez ni à pied ni en voiture sur une voie inondée, ne descendez pas "
                        + "dans les sous-sols et montez à l'étage. {details} Informations : {numero_info}. "
                        + "Urgence : 112.");
        add("coupure_eau", "Coupure d'eau",
                "Coupure d'eau à {commune} le {date} à partir de {heure}. {details} Pensez à faire une réserve "
                        + "d'eau et à fermer vos robinets. Des points de distribution d'eau sont prévus si la "
                        + "coupure se prolonge. Informations : {numero_info}.");
        add("alerte_meteo", "Alerte météo",
                "Vigilance météo à {commune} le {date} à partir de {heure}. {details} Limitez vos "
                        + "déplacements, rangez ou fixez les objets qui pourraient s'envoler et tenez-vous "
                        + "informés. Parcs, jardins et cimetières peuvent être fermés. Informations : "
                        + "{numero_info}.");
        add("confinement", "Consigne de mise à l'abri",
                "Mise à l'abri immédiate à {commune} depuis {heure} le {date}. Rejoignez sans "
                        + "attendre un bâtiment, fermez portes et fenêtres, coupez la ventilation. N'allez pas "
                        + "chercher vos enfants à l'école : ils sont pris en charge. {details} Écoutez la radio "
                        + "et suivez les consignes officielles. Informations : {numero_info}.");
    }

    private static void add(String code, String title, String body) {
        SHIPPED.put(code, new Shipped(code, title, body));
    }

    private AlertTemplatesCatalog() {
    }

    static Optional<Shipped> shipped(String code) {
        return Optional.ofNullable(code == null ? null : SHIPPED.get(code));
    }

    /** The placeholders a text uses, in order of first use. */
    static List<String> placeholders(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text == null ? "" : text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return new ArrayList<>(found);
    }

    /** The placeholders of {@code text} that are not known, for the error message. */
    static List<String> unknown(String text) {
        return placeholders(text).stream().filter(p -> !PLACEHOLDERS.contains(p)).toList();
    }

    /** Replaces each known placeholder by its value (all values are given by the caller). */
    static String fill(String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        matcher.appendTail(out);
        return out.toString().replaceAll("[ \\t]{2,}", " ").replace(" .", ".").strip();
    }
}
