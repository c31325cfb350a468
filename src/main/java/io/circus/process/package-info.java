/**
 * The native process layer: starts children with posix_spawn through libc (JNA, used nowhere
 * else in circusd) and watches them with one reactor thread.
 *
 * <p>Public API: {@link io.circus.process.ProcessLauncher} with its implementation
 * {@link io.circus.process.NativeProcessLauncher}, {@link io.circus.process.SpawnRequest},
 * {@link io.circus.process.ChildProcess}, {@link io.circus.process.ProcessListener},
 * {@link io.circus.process.ExitStatus}, {@link io.circus.process.Signals}; sockets circusd binds
 * for its children: {@link io.circus.process.SocketBinder} with {@link io.circus.process.SocketSetup},
 * {@link io.circus.process.BoundSocket} and {@link io.circus.process.PassedFd}, and
 * {@link io.circus.process.ReadinessWatch} to learn when one has a connection waiting.
 *
 * <p>Inside, one class per job: {@code LibC} (bindings), {@code ExecutableLookup} (PATH search),
 * {@code UserLookup} (user and group ids), {@code WrapperCommand} (prlimit, setpriv, umask shell),
 * {@code ChildStdio} (pipes and the descriptors the child gets), {@code FileActions} and
 * {@code SpawnAttributes} (posix_spawn arguments), {@code PosixSpawn}, {@code Pidfd} (reaping one
 * child), {@code Kill} (signals), {@code Epoll}, {@code OutputPump} (pipe to listener),
 * {@code Reactor} (the watching thread) and {@code FdWatch} (a descriptor it watches for input),
 * {@code SpawnedChild} (the handle), {@code ProcessTree} (descendants from /proc),
 * {@code SocketAddresses} (sockaddr structures).
 */
package io.circus.process;
