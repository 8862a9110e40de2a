package fr.parvis.publishing.media;

import fr.parvis.shared.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a subtitles file: UTF-8 text, WebVTT (starts with {@code WEBVTT}) or SubRip (numbered
 * cues), at least one cue, every timing line well formed and ending after it starts. The format
 * comes from the content, not from the file name.
 */
final class Subtitles {

    private static final String TIME_VTT = "((?:\\d{2,}:)?[0-5]\\d:[0-5]\\d\\.\\d{3})";
    private static final Pattern VTT_TIMING = Pattern.compile("^" + TIME_VTT + "[ \\t]+-->[ \\t]+" + TIME_VTT
            + "(?:[ \\t].*)?$");
    private static final String TIME_SRT = "(\\d{2,}:[0-5]\\d:[0-5]\\d,\\d{3})";
    private static final Pattern SRT_TIMING = Pattern.compile("^" + TIME_SRT + "[ \\t]+-->[ \\t]+" + TIME_SRT
            + "(?:[ \\t].*)?$");

    private Subtitles() {
    }

    static SubtitlesFormat validate(byte[] content, long maxBytes) {
        if (content == null || content.length == 0) {
            throw new InvalidInputException("media.subtitles.empty", "subtitles");
        }
        if (content.length > maxBytes) {
            throw new InvalidInputException("media.subtitles.tooLarge", "subtitles", maxBytes / 1024);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("media.subtitles.encoding", "subtitles");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.indexOf('\u0000') >= 0) {
            throw new InvalidInputException("media.subtitles.format", "subtitles");
        }
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        if (lines[0].startsWith("WEBVTT") && (lines[0].length() == 6 || lines[0].charAt(6) == ' '
                || lines[0].charAt(6) == '\t')) {
            return webVtt(lines);
        }
        return subRip(lines);
    }

    /**
     * The subtitles as WebVTT (what Bluesky and the browsers read): a WebVTT file as is, a SubRip file
     * converted (a {@code WEBVTT} line first, commas of the timings made dots; cue numbers are kept as
     * cue identifiers).
     */
    static String toWebVtt(byte[] content, SubtitlesFormat format) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        if (format == SubtitlesFormat.WEBVTT) {
            return text;
        }
        StringBuilder out = new StringBuilder("WEBVTT\n\n");
        for (String line : text.split("\n", -1)) {
            Matcher m = SRT_TIMING.matcher(line.strip());
            if (m.matches()) {
                out.append(m.group(1).replace(',', '.')).append(" --> ").append(m.group(2).replace(',', '.'));
            } else {
                out.append(line);
            }
            out.append('\n');
        }
        return out.toString().stripTrailing() + "\n";
    }

    private static SubtitlesFormat webVtt(String[] lines) {
        int cues = 0;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].contains("-->")) {
                Matcher m = VTT_TIMING.matcher(lines[i].strip());
                if (!m.matches() || millis(m.group(2), '.') < millis(m.group(1), '.')) {
                    throw new InvalidInputException("media.subtitles.timing", "subtitles", i + 1);
                }
                cues++;
            }
        }
        if (cues == 0) {
            throw new InvalidInputException("media.subtitles.noCue", "subtitles");
        }
        return SubtitlesFormat.WEBVTT;
    }

    /** Blocks separated by blank lines: a number, a timing line, one or more lines of text. */
    private static SubtitlesFormat subRip(String[] lines) {
        int cues = 0;
        int i = 0;
        while (i < lines.length) {
            while (i < lines.length && lines[i].isBlank()) {
                i++;
            }
            if (i >= lines.length) {
                break;
            }
            if (!lines[i].strip().matches("\\d{1,9}")) {
                throw new InvalidInputException(cues == 0 ? "media.subtitles.format" : "media.subtitles.timing",
                        "subtitles", i + 1);
            }
            i++;
            Matcher m = i < lines.length ? SRT_TIMING.matcher(lines[i].strip()) : null;
            if (m == null || !m.matches() || millis(m.group(2), ',') < millis(m.group(1), ',')) {
                throw new InvalidInputException(cues == 0 ? "media.subtitles.format" : "media.subtitles.timing",
                        "subtitles", i + 1);
            }
            cues++;
            while (i < lines.length && !lines[i].isBlank()) {
                i++;
            }
        }
        if (cues == 0) {
            throw new InvalidInputException("media.subtitles.format", "subtitles");
        }
        return SubtitlesFormat.SUBRIP;
    }

    private static long millis(String time, char separator) {
        String[] parts = time.split(":");
        long total = 0;
        for (int p = 0; p < parts.length - 1; p++) {
            total = total * 60 + Long.parseLong(parts[p]);
        }
        String[] last = parts[parts.length - 1].split(separator == '.' ? "\\." : ",");
        return (total * 60 + Long.parseLong(last[0])) * 1000 + Long.parseLong(last[1]);
    }
}
