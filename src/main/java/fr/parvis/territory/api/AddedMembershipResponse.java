package fr.parvis.territory.api;

import fr.parvis.territory.AddedMember;
import io.swagger.v3.oas.annotations.media.Schema;

/** A member just added, and whether their account was created for the occasion. */
@Schema(name = "AddedMembership", description = "Membre ajouté ; newAccount indique si le compte a été créé")
record AddedMembershipResponse(MembershipResponse membership, boolean newAccount) {

    static AddedMembershipResponse of(AddedMember added) {
        return new AddedMembershipResponse(MembershipResponse.of(added.member()), added.newAccount());
    }
}
