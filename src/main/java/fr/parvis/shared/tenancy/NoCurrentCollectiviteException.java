package fr.parvis.shared.tenancy;

/** Code that needs a current collectivité ran without one: a programming error, never user input. */
public class NoCurrentCollectiviteException extends IllegalStateException {

    public NoCurrentCollectiviteException() {
        super("No current collectivité: run this code inside an authenticated request or a SystemActor scope");
    }
}
