package fr.parvis.territory.api;

import fr.parvis.shared.Ids;
import fr.parvis.territory.AddedMember;
import fr.parvis.territory.MemberManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Members of the current collectivité and their roles. */
@RestController
@RequestMapping("/api/v1/memberships")
@Tag(name = ApiTags.MEMBERSHIPS)
class MembershipsApiController {

    private final MemberManagement members;

    MembershipsApiController(MemberManagement members) {
        this.members = members;
    }

    @GetMapping
    @Operation(operationId = "listMemberships", summary = "Membres de la collectivité")
    List<MembershipResponse> list() {
        return members.list().stream().map(MembershipResponse::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "409", description = "Cette personne est déjà membre")
    @Operation(operationId = "createMembership", summary = "Ajouter un membre",
            description = "Crée le compte si l'adresse n'en a pas encore (avec le "
                    + "mot de passe provisoire fourni), sinon rattache le compte existant.")
    ResponseEntity<AddedMembershipResponse> add(@Valid @RequestBody MembershipCreateRequest request) {
        AddedMember added = members.add(request.toNewMember());
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                        .buildAndExpand(added.member().id()).toUri())
                .body(AddedMembershipResponse.of(added));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getMembership", summary = "Un membre")
    MembershipResponse get(@PathVariable String id) {
        return MembershipResponse.of(members.get(Ids.parse(id)));
    }

    @PatchMapping("/{id}")
    @ResponseStatus(HttpStatus.OK) // documents the 200 next to the declared 409
    @ApiResponse(responseCode = "409", description = "La collectivité doit garder un administrateur")
    @Operation(operationId = "updateMembership", summary = "Changer le rôle d'un membre",
            description = "La collectivité garde toujours au moins un "
                    + "administrateur.")
    MembershipResponse changeRole(@PathVariable String id, @Valid @RequestBody MembershipPatchRequest patch) {
        return MembershipResponse.of(members.changeRole(Ids.parse(id), patch.role()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ApiResponse(responseCode = "409", description = "La collectivité doit garder un administrateur")
    @Operation(operationId = "deleteMembership", summary = "Retirer un membre",
            description = "Révoque aussi ses jetons dans cette collectivité ; "
                    + "le compte est conservé.")
    ResponseEntity<Void> remove(@PathVariable String id) {
        members.remove(Ids.parse(id));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/unlock")
    @Operation(operationId = "unlockMembership", summary = "Déverrouiller un compte",
            description = "Lève le verrouillage posé après des échecs de "
                    + "connexion répétés.")
    MembershipResponse unlock(@PathVariable String id) {
        return MembershipResponse.of(members.unlock(Ids.parse(id)));
    }
}
