package fr.parvis.territory;

/** Result of adding a member: whether a new account was created or an existing one attached. */
public record AddedMember(MemberView member, boolean newAccount) {
}
