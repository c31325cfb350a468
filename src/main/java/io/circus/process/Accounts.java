package io.circus.process;

/** Resolves user and group names the way children will be run under them (NSS included). */
public final class Accounts {

  private Accounts() {
  }

  /** The uid of a user name or decimal id; throws IllegalArgumentException when there is no such user. */
  public static int userId(String user) {
    try {
      return UserLookup.resolve(user, null).uid();
    } catch (SpawnException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** The gid of a group name or decimal id; throws IllegalArgumentException when there is no such group. */
  public static int groupId(String group) {
    try {
      return UserLookup.resolve(null, group).gid();
    } catch (SpawnException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}
