package org.qualitybenchmark.access;

import java.util.Set;

/** The actor of steps the procedure takes by itself: deadlines passing, a notice period ending. */
public final class SystemActor {

    public static final String ID = "system";

    public static final AppUser INSTANCE = new AppUser(ID, "系统", Set.of(Role.ADMIN), Set.of());

    private SystemActor() {
    }
}
