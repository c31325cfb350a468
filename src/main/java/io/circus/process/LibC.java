package io.circus.process;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * The libc functions the process layer calls, bound by JNA direct mapping (one JNI hop per call,
 * no proxy). Functions that fail with -1 leave errno for {@link SystemCallException#lastError};
 * the posix_spawn and getpw/getgr families return the error number instead. {@code size_t} and
 * {@code ssize_t} are {@code long}: this layer supports 64-bit Linux only.
 */
final class LibC {

  static {
    if (!Platform.isLinux() || !Platform.is64Bit()) {
      throw new UnsupportedOperationException("the native process layer needs 64-bit Linux");
    }
    Native.register(LibC.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
  }

  static final int EPERM = 1;
  static final int ENOENT = 2;
  static final int ESRCH = 3;
  static final int EINTR = 4;
  static final int EBADF = 9;
  static final int EAGAIN = 11;
  static final int EACCES = 13;
  static final int EEXIST = 17;
  static final int ENODEV = 19;
  static final int ENOTDIR = 20;
  static final int EINVAL = 22;
  static final int ERANGE = 34;
  static final int ENAMETOOLONG = 36;

  static final int O_RDONLY = 0;
  static final int O_WRONLY = 1;
  static final int O_RDWR = 2;
  static final int O_NONBLOCK = 0x800;
  static final int O_CLOEXEC = 0x80000;
  static final int F_GETFD = 1;
  static final int F_GETFL = 3;
  static final int F_SETPIPE_SZ = 1031;
  static final int F_SETFL = 4;
  static final int F_DUPFD_CLOEXEC = 1030;
  static final long FIONREAD = 0x541B;

  static final long SYS_PIDFD_SEND_SIGNAL = 424;
  static final long SYS_PIDFD_OPEN = 434;
  static final int P_PID = 1;
  static final int P_PIDFD = 3;
  static final int WNOHANG = 1;
  static final int WEXITED = 4;

  static final int EPOLL_CTL_ADD = 1;
  static final int EPOLL_CTL_DEL = 2;
  static final int EPOLLIN = 0x001;

  static final int AF_UNIX = 1;
  static final int AF_INET = 2;
  static final int AF_INET6 = 10;
  static final int SOCK_NONBLOCK = O_NONBLOCK;
  static final int SOCK_CLOEXEC = O_CLOEXEC;
  static final int SOL_SOCKET = 1;
  static final int SO_REUSEADDR = 2;
  static final int SO_REUSEPORT = 15;
  static final int SO_BINDTODEVICE = 25;

  static final short POSIX_SPAWN_SETSIGDEF = 0x04;
  static final short POSIX_SPAWN_SETSIGMASK = 0x08;
  static final short POSIX_SPAWN_SETSID = 0x80;

  private LibC() {
  }

  static native int posix_spawn(Pointer pid, String path, Pointer fileActions, Pointer attributes, Pointer argv,
      Pointer envp);

  static native int posix_spawn_file_actions_init(Pointer fileActions);

  static native int posix_spawn_file_actions_destroy(Pointer fileActions);

  static native int posix_spawn_file_actions_adddup2(Pointer fileActions, int fd, int newFd);

  static native int posix_spawn_file_actions_addopen(Pointer fileActions, int fd, String path, int flags, int mode);

  static native int posix_spawn_file_actions_addclosefrom_np(Pointer fileActions, int lowFd);

  static native int posix_spawn_file_actions_addchdir_np(Pointer fileActions, String path);

  static native int posix_spawnattr_init(Pointer attributes);

  static native int posix_spawnattr_setflags(Pointer attributes, short flags);

  static native int posix_spawnattr_setsigdefault(Pointer attributes, Pointer sigset);

  static native int posix_spawnattr_setsigmask(Pointer attributes, Pointer sigset);

  static native int pipe2(int[] fds, int flags);

  static native int fcntl(int fd, int command, int argument);

  static native int ioctl(int fd, long request, int[] argument);

  static native long read(int fd, Pointer buffer, long count);

  static native int close(int fd);

  static native long write(int fd, byte[] buffer, long count);

  static native int open(String path, int flags);

  static native int dup2(int oldFd, int newFd);

  static native int socket(int domain, int type, int protocol);

  static native int setsockopt(int fd, int level, int option, byte[] value, int length);

  static native int bind(int fd, byte[] address, int length);

  static native int listen(int fd, int backlog);

  static native int getsockname(int fd, byte[] address, int[] length);

  static native int getprotobyname_r(String name, Pointer protoent, Pointer buffer, long bufferSize, Pointer result);

  static native int umask(int mask);

  static native int kill(int pid, int signal);

  /** pidfd_open(pid, flags). */
  static native long syscall(long number, int pid, int flags);

  /** pidfd_send_signal(pidfd, signal, info, flags). */
  static native long syscall(long number, int pidfd, int signal, Pointer info, int flags);

  static native int waitid(int idType, int id, Pointer siginfo, int options);

  static native int epoll_create1(int flags);

  static native int epoll_ctl(int epfd, int op, int fd, Pointer event);

  static native int epoll_wait(int epfd, Pointer events, int maxEvents, int timeoutMillis);

  static native int eventfd(int initialValue, int flags);

  static native int poll(Pointer fds, long count, int timeoutMillis);

  static native int eventfd_read(int fd, long[] value);

  static native int eventfd_write(int fd, long value);

  static native int getpwnam_r(String name, Pointer passwd, Pointer buffer, long bufferSize, Pointer result);

  static native int getpwuid_r(int uid, Pointer passwd, Pointer buffer, long bufferSize, Pointer result);

  static native int getgrnam_r(String name, Pointer group, Pointer buffer, long bufferSize, Pointer result);

  static native int getgrgid_r(int gid, Pointer group, Pointer buffer, long bufferSize, Pointer result);

  static native String strerror(int errno);
}
