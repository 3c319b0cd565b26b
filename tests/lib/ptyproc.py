"""A pty harness for the browser's tests: the program with stdin and/or
stdout on ptys made here, its output collected, its exit status, CPU time and
terminal modes read afterwards (tests/robust).
"""
import fcntl
import os
import select
import signal
import struct
import termios
import time

POLL = 0.02


def base_env(**kw):
    env = {'PATH': os.environ.get('PATH', '/usr/bin:/bin'), 'LANG': 'C.UTF-8',
           'TERM': 'xterm-256color'}
    # The sanitizer build reads these; nothing else leaks in from outside.
    for k in ('ASAN_OPTIONS', 'UBSAN_OPTIONS', 'LSAN_OPTIONS', 'MSAN_OPTIONS'):
        if k in os.environ:
            env[k] = os.environ[k]
    for k, v in kw.items():
        if v is None:
            env.pop(k, None)
        else:
            env[k] = v
    return env


def winsize(fd, rows, cols):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', rows, cols, 0, 0))


class PtyProc:
    """The program with stdin and/or stdout on ptys made here.

    stdin: 'pty' (the same pty as stdout when that is one too), 'null', or
    'other' (the slave of a second pty, so that stdin can hang up alone).
    stdout: 'pty' or 'pipe'. stderr is always a pipe of its own. With
    ctty=False the pty is not the controlling terminal: closing its master
    then sends no SIGHUP and only read() tells. nonblock=True sets O_NONBLOCK
    on the pty before the program starts.
    """

    def __init__(self, binary, args, env, stdin='pty', stdout='pty', ctty=True, rows=24, cols=80,
                 nonblock=False):
        self.m, s = os.openpty()
        winsize(s, rows, cols)
        self.attr0 = termios.tcgetattr(s)
        self.attr1 = None
        self.m2 = None
        s2 = None
        if stdin == 'other':
            self.m2, s2 = os.openpty()
            winsize(s2, rows, cols)
        r_err, w_err = os.pipe()
        r_out, w_out = os.pipe()
        argv = [binary.encode()] + [a if isinstance(a, bytes) else a.encode() for a in args]
        self.t0 = time.monotonic()
        pid = os.fork()
        if pid == 0:
            try:
                os.setsid()
                if ctty:
                    fcntl.ioctl(s, termios.TIOCSCTTY, 0)
                if stdin == 'pty':
                    os.dup2(s, 0)
                elif stdin == 'other':
                    os.dup2(s2, 0)
                else:
                    os.dup2(os.open('/dev/null', os.O_RDONLY), 0)
                os.dup2(s if stdout == 'pty' else w_out, 1)
                if nonblock:
                    # O_NONBLOCK on the open file description the pty's
                    # fds share, as another process on the tty may set it.
                    fcntl.fcntl(1, fcntl.F_SETFL, fcntl.fcntl(1, fcntl.F_GETFL) | os.O_NONBLOCK)
                os.dup2(w_err, 2)
                os.closerange(3, 1024)
                os.execve(argv[0], argv, env)
            finally:
                os._exit(127)
        self.pid = pid
        os.close(s)
        if s2 is not None:
            os.close(s2)
        os.close(w_err)
        os.close(w_out)
        self.fds = {self.m: b'', r_err: b'', r_out: b''}
        if self.m2 is not None:
            self.fds[self.m2] = b''
        self.err_fd, self.out_fd = r_err, r_out
        self.open = set(self.fds)
        self.status = None
        self.rusage = None
        self.t_exit = None

    @property
    def tty(self):
        return self.fds[self.m]

    @property
    def err(self):
        return self.fds[self.err_fd]

    @property
    def out(self):
        return self.fds[self.out_fd]

    def _reap(self):
        if self.status is None:
            pid, st, ru = os.wait4(self.pid, os.WNOHANG)
            if pid:
                self.status, self.rusage, self.t_exit = st, ru, time.monotonic()
        return self.status is not None

    def pump(self, timeout, until=None):
        """Read whatever the program writes until until(self) or timeout."""
        end = time.monotonic() + timeout
        while True:
            if until is not None and until(self):
                return True
            if until is None and self._reap() and not self.open:
                return True
            left = end - time.monotonic()
            if left <= 0:
                return False
            fds = list(self.open)
            r = select.select(fds, [], [], min(left, POLL))[0] if fds else []
            if not fds:
                time.sleep(min(left, POLL))
            for fd in r:
                try:
                    d = os.read(fd, 65536)
                except OSError:
                    d = b''
                if d:
                    self.fds[fd] += d
                else:
                    self.open.discard(fd)
            self._reap()

    def write(self, b):
        os.write(self.m, b)

    def close_master(self, which=None):
        fd = self.m if which is None else which
        self.open.discard(fd)
        os.close(fd)
        if fd == self.m:
            self.m = -1

    def cpu(self):
        """CPU seconds used so far (from /proc while it runs)."""
        if self.rusage is not None:
            return self.rusage.ru_utime + self.rusage.ru_stime
        with open('/proc/%d/stat' % self.pid) as f:
            fields = f.read().rsplit(')', 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf('SC_CLK_TCK')

    def wait(self, timeout):
        """Exit status (as os.waitstatus_to_exitcode), or None after killing
        a program that did not end in time."""
        end = time.monotonic() + timeout
        while not self._reap():
            if time.monotonic() > end:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
                self.close()
                return None
            self.pump(POLL, until=lambda p: False)
        self.pump(1.0)            # the rest of the output
        if self.m >= 0:
            try:
                self.attr1 = termios.tcgetattr(self.m)
            except termios.error:
                pass
        self.close()
        return os.waitstatus_to_exitcode(self.status)

    def close(self):
        for fd in list(self.fds):
            if fd == self.m and self.m < 0:
                continue
            try:
                os.close(fd)
            except OSError:
                pass
        self.open.clear()
