package io.circus.process;

/**
 * The ids a child runs as, resolved from a {@link SpawnRequest}'s user and group. With a user
 * ({@code uid} not null) the child also gets that user's supplementary groups; with a group alone
 * it keeps circusd's.
 */
record Identity(Integer uid, int gid) {
}
