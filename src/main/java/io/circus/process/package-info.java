/**
 * The native process layer: starts children with posix_spawn through libc (JNA, used nowhere
 * else in circusd) and watches them with one reactor thread.
 *
 * <p>Public API: {@link io.circus.process.ProcessLauncher} with its implementation
 * {@link io.circus.process.NativeProcessLauncher}, {@link io.circus.process.SpawnRequest},
 * {@link io.circus.process.ChildProcess}, {@link io.circus.process.ProcessListener},
 * {@link io.circus.process.ExitStatus}, {@link io.circus.process.Signals}.
 *
 * <p>Inside, one class per job: {@code LibC} (bindings), {@code ExecutableLookup} (PATH search),
 * {@code UserLookup} (user and group ids), {@code WrapperCommand} (prlimit, setpriv, umask shell),
 * {@code ChildStdio} (pipes and the descriptors the child gets), {@code FileActions} and
 * {@code SpawnAttributes} (posix_spawn arguments), {@code PosixSpawn}, {@code Pidfd} (reaping one
 * child), {@code Kill} (signals), {@code Epoll}, {@code OutputPump} (pipe to listener),
 * {@code Reactor} (the watching thread), {@code SpawnedChild} (the handle), {@code ProcessTree}
 * (descendants from /proc).
 */
package io.circus.process;
