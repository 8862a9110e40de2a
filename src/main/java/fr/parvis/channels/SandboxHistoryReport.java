package fr.parvis.channels;

/** What a demo history of a Sandbox account contains. */
public record SandboxHistoryReport(int posts, int interactions, int followerSamples) {
}
