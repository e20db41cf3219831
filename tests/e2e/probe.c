/*
 * probe - tries what a sandboxed service might try, and says what happened.
 *
 * The end-to-end harness (tests/e2e/run) puts this program in place of a unit's
 * ExecStart= through a drop-in, so the unit's sandbox applies to it unchanged.
 *
 * Usage:
 *   probe OP [OP...]           each OP is ONE argument: words separated by spaces,
 *                              e.g.  probe "write /etc/x" "connect 127.0.0.1:8080"
 *                              With no OP it only prints "probe-end 0".
 *                              A word may hold \xHH for a byte (\x20: a blank).
 *   probe serve ADDR:PORT...   TCP listener for the harness's fixtures: accepts
 *                              and closes connections until killed.
 *
 * Every operation runs in a child process of its own (fork), so that one which
 * gets the process killed (a seccomp kill-mode SystemCallFilter=, an OOM kill)
 * or changes process state (unshare) does not affect the others. The probe
 * prints one line per operation, in order, then a final line:
 *
 *   probe[N] OP ARGS => RESULT [value=VALUE] [# note]
 *   probe-end COUNT
 *
 * RESULT is
 *   ok            the operation succeeded (permission was granted)
 *   EACCES, ...   it failed with this errno (the glibc errno name)
 *   killed:SIGSYS the child running it died of this signal (SIGSYS: seccomp;
 *                 SIGALRM: it hung for more than 10 s; SIGKILL: e.g. OOM)
 *   error         the operation was malformed (bad arguments); never expected
 * VALUE is given by operations that report something rather than try something.
 *
 * Operations:
 *   write PATH          open PATH for writing, creating it (mode 0644) if missing.
 *                       A file the probe created is written one line and removed
 *                       again; an existing file is opened O_APPEND and left as is.
 *   read PATH           open PATH read-only and read from it (a directory is
 *                       listed instead).
 *   open PATH           open PATH O_RDONLY|O_NONBLOCK and close it; for device
 *                       nodes, where reading would block or fail.
 *   connect ADDR:PORT [MS]
 *                       TCP connect (IPv4 a.b.c.d:p or IPv6 [x::y]:p), non-blocking
 *                       with a timeout of MS milliseconds (default 2000). ok =
 *                       connection established. ETIMEDOUT = no answer: a packet
 *                       filter (IPAddressDeny=) drops the SYN rather than
 *                       failing the call. ECONNREFUSED = reached, nobody listens.
 *   bind tcp|udp [ADDR:]PORT
 *                       bind (and for tcp listen on) ADDR (default 0.0.0.0):PORT.
 *   socket FAMILY       socket(2) of family inet, inet6, unix, netlink (ROUTE),
 *                       packet (needs CAP_NET_RAW too), or a number.
 *   caps eff|prm|inh|bnd|amb
 *                       value = that capability set from /proc/self/status, as
 *                       0x<hex> without leading zeros (0x0 = empty).
 *   status FIELD        value = the FIELD: line of /proc/self/status (e.g.
 *                       NoNewPrivs, Seccomp), whitespace removed.
 *   uid                 value = the real uid.
 *   prio nice|ioclass|iolevel|cpu
 *                       value = the nice value; the I/O class (none, realtime,
 *                       best-effort, idle) or level of ioprio_get(2); the CPU
 *                       policy (other, fifo, rr, batch, idle).
 *   rlimit NAME         value = the soft limit of RLIMIT_<NAME> (nofile, nproc,
 *                       memlock, core, as, stack, fsize), or "infinity".
 *   ns TYPE             value = "same" if /proc/self/ns/TYPE (mnt, net, user, pid,
 *                       uts, ipc, cgroup) is the namespace of the probe's parent
 *                       (the service manager that started it), "new" if not.
 *                       EACCES: the manager's namespaces cannot be inspected,
 *                       e.g. because we are in a user namespace of our own.
 *   uidmap              value = /proc/self/uid_map, fields joined by ':' and
 *                       lines by ',': "0:0:4294967295" = the initial user
 *                       namespace; "1000:1000:1" = PrivateUsers= of a user unit.
 *   procs               value = number of processes visible in /proc.
 *   ifaces              value = network interfaces of our network namespace,
 *                       comma-separated, sorted (from /proc/net/dev, no socket).
 *   mount DIR           mount a tiny tmpfs on DIR and unmount it at once.
 *   unshare TYPE        unshare(2) a new namespace: user, net, mnt, pid, uts,
 *                       ipc, cgroup.
 *   reboot              reboot(2) with a wrong second magic number: the kernel
 *                       checks CAP_SYS_BOOT first and the magic after, so EINVAL
 *                       means "would have been allowed" and is reported as ok.
 *                       Nothing is ever rebooted.
 *   settime             adjtimex(ADJ_TICK) writing back the current tick value:
 *                       needs CAP_SYS_TIME and the @clock syscalls, changes
 *                       nothing. (Not clock_settime(now): that would step the
 *                       shared clock back by the time spent in between.)
 *   hostname            sethostname(2) to the current host name (no change).
 *   perf                perf_event_open(2) of a software counter on ourselves.
 *   bpf                 bpf(BPF_MAP_CREATE) of a one-entry array map.
 *   wx                  mmap anonymous memory PROT_WRITE|PROT_EXEC.
 *   alloc MIB           map and touch MIB MiB of anonymous memory.
 *   tasks N             fork N children that wait; ok if all N could be created.
 *
 * Added for expectations derived from policies (tests/e2e/expect.c):
 *   env NAME            value = the environment variable NAME; ENOENT if unset.
 *   cwd                 value = the working directory.
 *   group               value = the name of the real gid in /etc/group; ENOENT if
 *                       not there.
 *   user                value = the name of the real uid in /etc/passwd (read
 *                       directly: a static binary has no NSS); ENOENT if the uid
 *                       is not there (DynamicUser= users come from nss-systemd).
 *   execwrite DIR       copy this program into DIR and execute the copy (it
 *                       prints nothing and exits 0); ok = it ran. EACCES = the
 *                       folder is mounted noexec (NoExecPaths=). The copy is
 *                       removed again.
 *   exec PROGRAM [ARG...]
 *                       run an existing program (stdin and stdout /dev/null); ok = it
 *                       ran and exited 0. EACCES = its folder (or its loader's) is
 *                       mounted noexec (NoExecPaths=).
 *   module              finit_module(-1): EBADF comes only after the
 *                       CAP_SYS_MODULE check and the seccomp filter, so it is
 *                       reported as ok. Nothing is ever loaded.
 *   klog                syslog(SYSLOG_ACTION_SIZE_BUFFER): the kernel log's size.
 *   rt                  sched_setscheduler(SCHED_FIFO, 1) of the operation's own
 *                       child (RestrictRealtime=; the kernel also wants
 *                       CAP_SYS_NICE or RLIMIT_RTPRIO).
 *   nice                setpriority(+1) of its own child (@resources).
 *   personality         personality(PER_LINUX|ADDR_NO_RANDOMIZE) of its child
 *                       (LockPersonality=).
 *   hostns TYPE         value = "same" if /proc/self/ns/TYPE is the namespace the
 *                       harness recorded for the container's PID 1 in
 *                       /run/unitc-e2e/ns/TYPE, "new" if not. Unlike `ns`, needs
 *                       no access to another process's /proc entry.
 *   mlock MIB           mlock(2) MIB MiB (more than RLIMIT_MEMLOCK needs
 *                       CAP_IPC_LOCK).
 *   socket raw          (family) an IPv4 raw ICMP socket: needs CAP_NET_RAW.
 *
 * Added for what newer targets give (compiler/passes/upgrade.c):
 *   mountroot DIR       value = the root of the mount on DIR (4th field of
 *                       /proc/self/mountinfo, the last mount there): which folder of
 *                       its file system is mounted there. PrivateTmp=yes binds
 *                       /systemd-private-.../tmp of the host's /tmp; systemd 257's
 *                       PrivateTmp=disconnected the /tmp folder of a tmpfs of its own.
 *                       ENOENT: nothing mounted on DIR.
 *   comm PID            value = /proc/PID/comm: "probe" for `comm 1` when the
 *                       probe is PID 1 of a PID namespace (PrivatePIDs=).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/bpf.h>
#include <linux/netlink.h>
#include <linux/perf_event.h>
#include <linux/reboot.h>
#include <netinet/in.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/personality.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/timex.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef ETH_P_ALL
#define ETH_P_ALL 0x0003
#endif

enum { MAX_WORDS = 8, OP_TIMEOUT_S = 10 };

struct result {
	int err; /* 0 = ok, >0 = errno, -1 = malformed operation */
	char value[512];
	char note[256];
};

static pid_t manager_pid; /* the probe's parent: the service manager */

static int fail(struct result *r, int err, const char *fmt, ...)
{
	r->err = err;
	if (fmt) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(r->note, sizeof r->note, fmt, ap);
		va_end(ap);
	}
	return err;
}

static int set_value(struct result *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(r->value, sizeof r->value, fmt, ap);
	va_end(ap);
	r->err = 0;
	return 0;
}

/* "a.b.c.d:port", "[v6]:port" or (if allow_bare) just "port" -> sockaddr. */
static int parse_addr(const char *s, int allow_bare, struct sockaddr_storage *ss, socklen_t *len)
{
	char host[128];
	const char *port;
	memset(ss, 0, sizeof *ss);
	if (s[0] == '[') {
		const char *end = strchr(s, ']');
		if (!end || end[1] != ':' || (size_t)(end - s - 1) >= sizeof host)
			return -1;
		memcpy(host, s + 1, (size_t)(end - s - 1));
		host[end - s - 1] = '\0';
		port = end + 2;
	} else {
		const char *colon = strrchr(s, ':');
		if (!colon) {
			if (!allow_bare)
				return -1;
			strcpy(host, "0.0.0.0");
			port = s;
		} else {
			if ((size_t)(colon - s) >= sizeof host)
				return -1;
			memcpy(host, s, (size_t)(colon - s));
			host[colon - s] = '\0';
			port = colon + 1;
		}
	}
	char *endp;
	long p = strtol(port, &endp, 10);
	if (*port == '\0' || *endp != '\0' || p < 0 || p > 65535)
		return -1;
	struct sockaddr_in *in4 = (struct sockaddr_in *)ss;
	struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)ss;
	if (inet_pton(AF_INET, host, &in4->sin_addr) == 1) {
		in4->sin_family = AF_INET;
		in4->sin_port = htons((unsigned short)p);
		*len = sizeof *in4;
		return 0;
	}
	if (inet_pton(AF_INET6, host, &in6->sin6_addr) == 1) {
		in6->sin6_family = AF_INET6;
		in6->sin6_port = htons((unsigned short)p);
		*len = sizeof *in6;
		return 0;
	}
	return -1;
}

static int op_write(struct result *r, const char *path)
{
	int created = 1;
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOCTTY, 0644);
	if (fd < 0 && errno == EEXIST) {
		created = 0;
		fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC | O_NOCTTY);
	}
	if (fd < 0)
		return fail(r, errno, "open");
	if (created) {
		static const char line[] = "unitc-e2e probe\n";
		ssize_t n = write(fd, line, sizeof line - 1);
		int e = errno;
		close(fd);
		unlink(path);
		if (n < 0)
			return fail(r, e, "write");
	} else {
		close(fd);
	}
	return 0;
}

static int op_read(struct result *r, const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return fail(r, errno, "open");
	char buf[4096];
	ssize_t n = read(fd, buf, sizeof buf);
	if (n < 0 && errno == EISDIR) {
		DIR *d = fdopendir(fd);
		if (!d) {
			int e = errno;
			close(fd);
			return fail(r, e, "opendir");
		}
		errno = 0;
		while (readdir(d))
			;
		int e = errno;
		closedir(d);
		return e ? fail(r, e, "readdir") : 0;
	}
	int e = errno;
	close(fd);
	return n < 0 ? fail(r, e, "read") : 0;
}

static int op_open(struct result *r, const char *path)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return fail(r, errno, "open");
	close(fd);
	return 0;
}

static int op_connect(struct result *r, const char *addr, const char *ms_s)
{
	struct sockaddr_storage ss;
	socklen_t len;
	int ms = ms_s ? atoi(ms_s) : 2000;
	if (parse_addr(addr, 0, &ss, &len) < 0 || ms <= 0)
		return fail(r, -1, "bad address '%s'", addr);
	int fd = socket(ss.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return fail(r, errno, "socket");
	if (connect(fd, (struct sockaddr *)&ss, len) < 0) {
		if (errno != EINPROGRESS) {
			int e = errno;
			close(fd);
			return fail(r, e, "connect");
		}
		struct pollfd p = { .fd = fd, .events = POLLOUT };
		int n = poll(&p, 1, ms);
		if (n == 0) {
			close(fd);
			return fail(r, ETIMEDOUT, "no answer within %d ms", ms);
		}
		int soerr = 0;
		socklen_t sl = sizeof soerr;
		if (n < 0 || getsockopt(fd, SOL_SOCKET, SO_ERROR, &soerr, &sl) < 0)
			soerr = errno;
		if (soerr) {
			close(fd);
			return fail(r, soerr, "connect");
		}
	}
	close(fd);
	return 0;
}

static int op_bind(struct result *r, const char *proto, const char *addr)
{
	struct sockaddr_storage ss;
	socklen_t len;
	int type;
	if (!strcmp(proto, "tcp"))
		type = SOCK_STREAM;
	else if (!strcmp(proto, "udp"))
		type = SOCK_DGRAM;
	else
		return fail(r, -1, "protocol must be tcp or udp");
	if (parse_addr(addr, 1, &ss, &len) < 0)
		return fail(r, -1, "bad address '%s'", addr);
	int fd = socket(ss.ss_family, type | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return fail(r, errno, "socket");
	int one = 1;
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	if (bind(fd, (struct sockaddr *)&ss, len) < 0 || (type == SOCK_STREAM && listen(fd, 1) < 0)) {
		int e = errno;
		close(fd);
		return fail(r, e, "bind");
	}
	close(fd);
	return 0;
}

static int op_socket(struct result *r, const char *fam)
{
	int family, type = SOCK_STREAM, proto = 0;
	if (!strcmp(fam, "inet"))
		family = AF_INET;
	else if (!strcmp(fam, "inet6"))
		family = AF_INET6;
	else if (!strcmp(fam, "unix"))
		family = AF_UNIX;
	else if (!strcmp(fam, "netlink"))
		family = AF_NETLINK, type = SOCK_RAW, proto = NETLINK_ROUTE;
	else if (!strcmp(fam, "raw"))
		family = AF_INET, type = SOCK_RAW, proto = IPPROTO_ICMP;
	else if (!strcmp(fam, "packet"))
		family = AF_PACKET, type = SOCK_DGRAM, proto = htons(ETH_P_ALL);
	else if (fam[0] >= '0' && fam[0] <= '9')
		family = atoi(fam), type = SOCK_DGRAM;
	else
		return fail(r, -1, "unknown family '%s'", fam);
	int fd = socket(family, type | SOCK_CLOEXEC, proto);
	if (fd < 0)
		return fail(r, errno, "socket");
	close(fd);
	return 0;
}

/* The value of "FIELD:" in /proc/self/status, whitespace removed. */
static int status_field(const char *field, char *out, size_t outlen)
{
	FILE *f = fopen("/proc/self/status", "re");
	if (!f)
		return errno;
	char line[512];
	size_t fl = strlen(field);
	int found = ENOENT;
	while (fgets(line, sizeof line, f)) {
		if (strncmp(line, field, fl) || line[fl] != ':')
			continue;
		size_t j = 0;
		for (const char *p = line + fl + 1; *p && j + 1 < outlen; p++)
			if (*p != ' ' && *p != '\t' && *p != '\n')
				out[j++] = *p;
		out[j] = '\0';
		found = 0;
		break;
	}
	fclose(f);
	return found;
}

static int op_status(struct result *r, const char *field)
{
	char v[256];
	int e = status_field(field, v, sizeof v);
	if (e)
		return fail(r, e, "no field %s", field);
	return set_value(r, "%s", v);
}

static int op_caps(struct result *r, const char *set)
{
	static const char *const names[][2] = {
		{ "eff", "CapEff" }, { "prm", "CapPrm" }, { "inh", "CapInh" },
		{ "bnd", "CapBnd" }, { "amb", "CapAmb" },
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (strcmp(set, names[i][0]))
			continue;
		char v[64];
		int e = status_field(names[i][1], v, sizeof v);
		if (e)
			return fail(r, e, "no %s", names[i][1]);
		return set_value(r, "0x%llx", strtoull(v, NULL, 16));
	}
	return fail(r, -1, "set must be eff, prm, inh, bnd or amb");
}

static int op_ns(struct result *r, const char *type)
{
	if (strspn(type, "abcdefghijklmnopqrstuvwxyz_") != strlen(type) || strlen(type) > 32)
		return fail(r, -1, "bad namespace type");
	char p1[64], p2[64], l1[128], l2[128];
	snprintf(p1, sizeof p1, "/proc/self/ns/%s", type);
	snprintf(p2, sizeof p2, "/proc/%d/ns/%s", (int)manager_pid, type);
	ssize_t n1 = readlink(p1, l1, sizeof l1 - 1);
	if (n1 < 0)
		return fail(r, errno, "%s", p1);
	ssize_t n2 = readlink(p2, l2, sizeof l2 - 1);
	if (n2 < 0)
		return fail(r, errno, "%s", p2);
	l1[n1] = l2[n2] = '\0';
	return set_value(r, "%s", strcmp(l1, l2) ? "new" : "same");
}

static int op_uidmap(struct result *r)
{
	FILE *f = fopen("/proc/self/uid_map", "re");
	if (!f)
		return fail(r, errno, "/proc/self/uid_map");
	char buf[256] = "", line[128];
	while (fgets(line, sizeof line, f)) {
		char *save = NULL;
		int first = 1;
		if (buf[0])
			strncat(buf, ",", sizeof buf - strlen(buf) - 1);
		for (char *t = strtok_r(line, " \t\n", &save); t; t = strtok_r(NULL, " \t\n", &save)) {
			if (!first)
				strncat(buf, ":", sizeof buf - strlen(buf) - 1);
			strncat(buf, t, sizeof buf - strlen(buf) - 1);
			first = 0;
		}
	}
	fclose(f);
	return set_value(r, "%s", buf[0] ? buf : "-");
}

static int op_rlimit(struct result *r, const char *name)
{
	static const struct { const char *name; int res; } t[] = {
		{ "nofile", RLIMIT_NOFILE }, { "nproc", RLIMIT_NPROC }, { "memlock", RLIMIT_MEMLOCK },
		{ "core", RLIMIT_CORE }, { "as", RLIMIT_AS }, { "stack", RLIMIT_STACK },
		{ "fsize", RLIMIT_FSIZE },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		if (strcmp(name, t[i].name))
			continue;
		struct rlimit rl;
		if (getrlimit(t[i].res, &rl) < 0)
			return fail(r, errno, "getrlimit");
		if (rl.rlim_cur == RLIM_INFINITY)
			return set_value(r, "infinity");
		return set_value(r, "%llu", (unsigned long long)rl.rlim_cur);
	}
	return fail(r, -1, "unknown limit '%s'", name);
}

static int op_prio(struct result *r, const char *what)
{
	static const char *const io_classes[] = { "none", "realtime", "best-effort", "idle" };
	static const char *const policies[] = { "other", "fifo", "rr", "batch", "iso", "idle" };
	if (!strcmp(what, "nice")) {
		errno = 0;
		int n = getpriority(PRIO_PROCESS, 0);
		if (n == -1 && errno)
			return fail(r, errno, "getpriority");
		return set_value(r, "%d", n);
	}
	if (!strcmp(what, "ioclass") || !strcmp(what, "iolevel")) {
		long v = syscall(SYS_ioprio_get, 1 /* IOPRIO_WHO_PROCESS */, 0);
		if (v < 0)
			return fail(r, errno, "ioprio_get");
		if (what[2] == 'l')
			return set_value(r, "%ld", v & 0x1fff);
		return (v >> 13) < 4 ? set_value(r, "%s", io_classes[v >> 13]) : set_value(r, "%ld", v >> 13);
	}
	if (!strcmp(what, "cpu")) {
		int p = sched_getscheduler(0);
		if (p < 0)
			return fail(r, errno, "sched_getscheduler");
		p &= ~SCHED_RESET_ON_FORK;
		return p < 6 ? set_value(r, "%s", policies[p]) : set_value(r, "%d", p);
	}
	return fail(r, -1, "unknown priority '%s'", what);
}

static int op_procs(struct result *r)
{
	DIR *d = opendir("/proc");
	if (!d)
		return fail(r, errno, "opendir /proc");
	int n = 0;
	struct dirent *de;
	while ((de = readdir(d)))
		if (de->d_name[0] >= '1' && de->d_name[0] <= '9')
			n++;
	closedir(d);
	return set_value(r, "%d", n);
}

static int op_mountroot(struct result *r, const char *dir)
{
	FILE *f = fopen("/proc/self/mountinfo", "re");
	if (!f)
		return fail(r, errno, "/proc/self/mountinfo");
	char line[4096], root[2048] = "", point[2048];
	int found = 0;
	while (fgets(line, sizeof line, f))
		if (sscanf(line, "%*s %*s %*s %2047s %2047s", root + 1024, point) == 2 && !strcmp(point, dir)) {
			snprintf(root, 1024, "%s", root + 1024);
			found = 1;
		}
	fclose(f);
	if (!found)
		return fail(r, ENOENT, "nothing mounted on %s", dir);
	return set_value(r, "%s", root);
}

static int op_comm(struct result *r, const char *pid)
{
	char path[64], buf[64] = "";
	snprintf(path, sizeof path, "/proc/%s/comm", pid);
	FILE *f = fopen(path, "re");
	if (!f)
		return fail(r, errno, "%s", path);
	if (!fgets(buf, sizeof buf, f)) {
		int e = ferror(f) ? errno : EIO;
		fclose(f);
		return fail(r, e, "%s", path);
	}
	fclose(f);
	buf[strcspn(buf, "\n")] = '\0';
	return set_value(r, "%s", buf);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int op_ifaces(struct result *r)
{
	FILE *f = fopen("/proc/net/dev", "re");
	if (!f)
		return fail(r, errno, "/proc/net/dev");
	char line[512], *names[64];
	int n = 0;
	while (fgets(line, sizeof line, f) && n < 64) {
		char *colon = strchr(line, ':');
		if (!colon)
			continue; /* the two header lines have none */
		*colon = '\0';
		char *s = line;
		while (*s == ' ')
			s++;
		names[n++] = strdup(s);
	}
	fclose(f);
	qsort(names, (size_t)n, sizeof names[0], cmp_str);
	char buf[512] = "";
	for (int i = 0; i < n; i++) {
		if (i)
			strncat(buf, ",", sizeof buf - strlen(buf) - 1);
		strncat(buf, names[i], sizeof buf - strlen(buf) - 1);
	}
	return set_value(r, "%s", n ? buf : "-");
}

static int op_mount(struct result *r, const char *dir)
{
	if (mount("unitc-e2e", dir, "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, "size=64k") < 0)
		return fail(r, errno, "mount");
	if (umount2(dir, MNT_DETACH) < 0)
		return fail(r, errno, "umount");
	return 0;
}

static int op_unshare(struct result *r, const char *type)
{
	static const struct { const char *name; int flag; } t[] = {
		{ "user", CLONE_NEWUSER }, { "net", CLONE_NEWNET }, { "mnt", CLONE_NEWNS },
		{ "mount", CLONE_NEWNS }, { "pid", CLONE_NEWPID }, { "uts", CLONE_NEWUTS },
		{ "ipc", CLONE_NEWIPC }, { "cgroup", CLONE_NEWCGROUP },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (!strcmp(type, t[i].name))
			return unshare(t[i].flag) < 0 ? fail(r, errno, "unshare") : 0;
	return fail(r, -1, "unknown namespace type '%s'", type);
}

static int op_reboot(struct result *r)
{
	/* Wrong magic2 on purpose: EINVAL is returned only after the CAP_SYS_BOOT
	 * check passed. */
	if (syscall(SYS_reboot, LINUX_REBOOT_MAGIC1, 0, LINUX_REBOOT_CMD_CAD_OFF, NULL) == 0)
		return 0;
	if (errno == EINVAL)
		return fail(r, 0, "EINVAL after the permission check");
	return fail(r, errno, "reboot");
}

static int op_settime(struct result *r)
{
	struct timex tx;
	memset(&tx, 0, sizeof tx);
	if (adjtimex(&tx) < 0) /* modes = 0: read only */
		return fail(r, errno, "adjtimex read");
	long tick = tx.tick;
	memset(&tx, 0, sizeof tx);
	tx.modes = ADJ_TICK;
	tx.tick = tick;
	if (adjtimex(&tx) < 0)
		return fail(r, errno, "adjtimex ADJ_TICK");
	return 0;
}

static int op_hostname(struct result *r)
{
	char name[256];
	if (gethostname(name, sizeof name) < 0)
		return fail(r, errno, "gethostname");
	if (sethostname(name, strlen(name)) < 0)
		return fail(r, errno, "sethostname");
	return 0;
}

static int op_perf(struct result *r)
{
	struct perf_event_attr a;
	memset(&a, 0, sizeof a);
	a.type = PERF_TYPE_SOFTWARE;
	a.size = sizeof a;
	a.config = PERF_COUNT_SW_TASK_CLOCK;
	a.disabled = 1;
	a.exclude_kernel = 1;
	a.exclude_hv = 1;
	long fd = syscall(SYS_perf_event_open, &a, 0, -1, -1, 0UL);
	if (fd < 0)
		return fail(r, errno, "perf_event_open");
	close((int)fd);
	return 0;
}

static int op_bpf(struct result *r)
{
	union bpf_attr a;
	memset(&a, 0, sizeof a);
	a.map_type = BPF_MAP_TYPE_ARRAY;
	a.key_size = 4;
	a.value_size = 4;
	a.max_entries = 1;
	long fd = syscall(SYS_bpf, BPF_MAP_CREATE, &a, sizeof a);
	if (fd < 0)
		return fail(r, errno, "bpf");
	close((int)fd);
	return 0;
}

static int op_wx(struct result *r)
{
	void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return fail(r, errno, "mmap");
	munmap(p, 4096);
	return 0;
}

static int op_alloc(struct result *r, const char *mib_s)
{
	long mib = atol(mib_s);
	if (mib <= 0 || mib > 4096)
		return fail(r, -1, "MIB must be 1..4096");
	size_t len = (size_t)mib << 20;
	char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return fail(r, errno, "mmap");
	for (size_t i = 0; i < len; i += 4096)
		p[i] = 1;
	munmap(p, len);
	return 0;
}

static int op_tasks(struct result *r, const char *n_s)
{
	int n = atoi(n_s), made = 0, err = 0;
	pid_t kids[256];
	if (n <= 0 || n > 256)
		return fail(r, -1, "N must be 1..256");
	for (; made < n; made++) {
		pid_t p = fork();
		if (p < 0) {
			err = errno;
			break;
		}
		if (p == 0) {
			pause();
			_exit(0);
		}
		kids[made] = p;
	}
	for (int i = 0; i < made; i++)
		kill(kids[i], SIGKILL);
	for (int i = 0; i < made; i++)
		waitpid(kids[i], NULL, 0);
	return err ? fail(r, err, "only %d of %d", made, n) : 0;
}

static int op_env(struct result *r, const char *name)
{
	const char *v = getenv(name);
	if (!v)
		return fail(r, ENOENT, "unset");
	return set_value(r, "%s", v);
}

static int op_cwd(struct result *r)
{
	char buf[400];
	if (!getcwd(buf, sizeof buf))
		return fail(r, errno, "getcwd");
	return set_value(r, "%s", buf);
}

/* The name of id in a passwd-like file (name:x:id:...). */
static int name_of(struct result *r, const char *file, unsigned uid)
{
	FILE *f = fopen(file, "re");
	if (!f)
		return fail(r, errno, "%s", file);
	char line[512];
	while (fgets(line, sizeof line, f)) {
		char *save = NULL, *name = strtok_r(line, ":", &save);
		char *pw = name ? strtok_r(NULL, ":", &save) : NULL;
		char *id = pw ? strtok_r(NULL, ":", &save) : NULL;
		if (id && strtoul(id, NULL, 10) == uid) {
			fclose(f);
			return set_value(r, "%s", name);
		}
	}
	fclose(f);
	return fail(r, ENOENT, "%u not in %s", uid, file);
}

static int op_execwrite(struct result *r, const char *dir)
{
	char path[512];
	snprintf(path, sizeof path, "%s/unitc-e2e-exe.%d", dir, (int)getpid());
	int in = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
	if (in < 0)
		return fail(r, errno, "/proc/self/exe");
	int out = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0700);
	if (out < 0) {
		int e = errno;
		close(in);
		return fail(r, e, "create copy");
	}
	char buf[65536];
	ssize_t n;
	while ((n = read(in, buf, sizeof buf)) > 0)
		if (write(out, buf, (size_t)n) != n) {
			n = -1;
			break;
		}
	int e = errno;
	close(in);
	close(out);
	if (n < 0) {
		unlink(path);
		return fail(r, e, "copy");
	}
	pid_t pid = fork();
	if (pid < 0) {
		e = errno;
		unlink(path);
		return fail(r, e, "fork");
	}
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);
		if (null >= 0)
			dup2(null, 1);
		char *argv[] = { path, NULL };
		execv(path, argv);
		_exit(100 + errno); /* errno < 100 in practice */
	}
	int st = 0;
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	unlink(path);
	if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
		return 0;
	if (WIFEXITED(st) && WEXITSTATUS(st) > 100)
		return fail(r, WEXITSTATUS(st) - 100, "execv");
	return fail(r, EIO, "the copy exited with status %d", st);
}

static int op_exec(struct result *r, int nw, char **w)
{
	pid_t pid = fork();
	if (pid < 0)
		return fail(r, errno, "fork");
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);
		if (null >= 0) {
			dup2(null, 0);
			dup2(null, 1);
		}
		char *argv[MAX_WORDS + 1];
		for (int i = 1; i < nw; i++)
			argv[i - 1] = w[i];
		argv[nw - 1] = NULL;
		execv(w[1], argv);
		_exit(100 + errno);
	}
	int st = 0;
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
		return 0;
	if (WIFEXITED(st) && WEXITSTATUS(st) > 100)
		return fail(r, WEXITSTATUS(st) - 100, "execv");
	return fail(r, EIO, "it exited with status %d", st);
}

static int op_module(struct result *r)
{
	if (syscall(SYS_finit_module, -1, "", 0) == 0)
		return 0;
	if (errno == EBADF)
		return fail(r, 0, "EBADF after the permission check");
	return fail(r, errno, "finit_module");
}

static int op_klog(struct result *r)
{
	long n = syscall(SYS_syslog, 10 /* SYSLOG_ACTION_SIZE_BUFFER */, NULL, 0);
	if (n < 0)
		return fail(r, errno, "syslog");
	return set_value(r, "%ld", n);
}

static int op_rt(struct result *r)
{
	struct sched_param sp = { .sched_priority = 1 };
	if (sched_setscheduler(0, SCHED_FIFO, &sp) < 0)
		return fail(r, errno, "sched_setscheduler");
	return 0;
}

static int op_nice(struct result *r)
{
	errno = 0;
	int cur = getpriority(PRIO_PROCESS, 0);
	if (cur == -1 && errno)
		return fail(r, errno, "getpriority");
	if (cur >= 19)
		return 0;
	if (setpriority(PRIO_PROCESS, 0, cur + 1) < 0)
		return fail(r, errno, "setpriority");
	return 0;
}

static int op_personality(struct result *r)
{
	if (personality(PER_LINUX | ADDR_NO_RANDOMIZE) < 0)
		return fail(r, errno, "personality");
	return 0;
}

static int op_hostns(struct result *r, const char *type)
{
	if (strspn(type, "abcdefghijklmnopqrstuvwxyz_") != strlen(type) || strlen(type) > 32)
		return fail(r, -1, "bad namespace type");
	char p1[64], p2[96], l1[128], l2[128] = "";
	snprintf(p1, sizeof p1, "/proc/self/ns/%s", type);
	snprintf(p2, sizeof p2, "/run/unitc-e2e/ns/%s", type);
	ssize_t n1 = readlink(p1, l1, sizeof l1 - 1);
	if (n1 < 0)
		return fail(r, errno, "%s", p1);
	l1[n1] = '\0';
	FILE *f = fopen(p2, "re");
	if (!f)
		return fail(r, errno, "%s", p2);
	if (!fgets(l2, sizeof l2, f))
		l2[0] = '\0';
	fclose(f);
	l2[strcspn(l2, "\n")] = '\0';
	return set_value(r, "%s", strcmp(l1, l2) ? "new" : "same");
}

static int op_mlock(struct result *r, const char *mib_s)
{
	long mib = atol(mib_s);
	if (mib <= 0 || mib > 1024)
		return fail(r, -1, "MIB must be 1..1024");
	size_t len = (size_t)mib << 20;
	void *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return fail(r, errno, "mmap");
	int rc = mlock(p, len), e = errno;
	munmap(p, len);
	return rc < 0 ? fail(r, e, "mlock") : 0;
}

static int need(struct result *r, int nwords, int min, int max)
{
	if (nwords - 1 < min || nwords - 1 > max)
		return fail(r, -1, "wrong number of arguments");
	return 0;
}

static void dispatch(struct result *r, int nw, char **w)
{
	const char *op = w[0];
#define ARGS(min, max) \
	if (need(r, nw, min, max)) \
		return
	if (!strcmp(op, "write")) { ARGS(1, 1); op_write(r, w[1]); }
	else if (!strcmp(op, "read")) { ARGS(1, 1); op_read(r, w[1]); }
	else if (!strcmp(op, "open")) { ARGS(1, 1); op_open(r, w[1]); }
	else if (!strcmp(op, "connect")) { ARGS(1, 2); op_connect(r, w[1], nw > 2 ? w[2] : NULL); }
	else if (!strcmp(op, "bind")) { ARGS(2, 2); op_bind(r, w[1], w[2]); }
	else if (!strcmp(op, "socket")) { ARGS(1, 1); op_socket(r, w[1]); }
	else if (!strcmp(op, "caps")) { ARGS(1, 1); op_caps(r, w[1]); }
	else if (!strcmp(op, "status")) { ARGS(1, 1); op_status(r, w[1]); }
	else if (!strcmp(op, "uid")) { ARGS(0, 0); set_value(r, "%u", (unsigned)getuid()); }
	else if (!strcmp(op, "ns")) { ARGS(1, 1); op_ns(r, w[1]); }
	else if (!strcmp(op, "uidmap")) { ARGS(0, 0); op_uidmap(r); }
	else if (!strcmp(op, "rlimit")) { ARGS(1, 1); op_rlimit(r, w[1]); }
	else if (!strcmp(op, "prio")) { ARGS(1, 1); op_prio(r, w[1]); }
	else if (!strcmp(op, "procs")) { ARGS(0, 0); op_procs(r); }
	else if (!strcmp(op, "ifaces")) { ARGS(0, 0); op_ifaces(r); }
	else if (!strcmp(op, "mount")) { ARGS(1, 1); op_mount(r, w[1]); }
	else if (!strcmp(op, "unshare")) { ARGS(1, 1); op_unshare(r, w[1]); }
	else if (!strcmp(op, "reboot")) { ARGS(0, 0); op_reboot(r); }
	else if (!strcmp(op, "settime")) { ARGS(0, 0); op_settime(r); }
	else if (!strcmp(op, "hostname")) { ARGS(0, 0); op_hostname(r); }
	else if (!strcmp(op, "perf")) { ARGS(0, 0); op_perf(r); }
	else if (!strcmp(op, "bpf")) { ARGS(0, 0); op_bpf(r); }
	else if (!strcmp(op, "wx")) { ARGS(0, 0); op_wx(r); }
	else if (!strcmp(op, "alloc")) { ARGS(1, 1); op_alloc(r, w[1]); }
	else if (!strcmp(op, "tasks")) { ARGS(1, 1); op_tasks(r, w[1]); }
	else if (!strcmp(op, "env")) { ARGS(1, 1); op_env(r, w[1]); }
	else if (!strcmp(op, "cwd")) { ARGS(0, 0); op_cwd(r); }
	else if (!strcmp(op, "user")) { ARGS(0, 0); name_of(r, "/etc/passwd", (unsigned)getuid()); }
	else if (!strcmp(op, "group")) { ARGS(0, 0); name_of(r, "/etc/group", (unsigned)getgid()); }
	else if (!strcmp(op, "execwrite")) { ARGS(1, 1); op_execwrite(r, w[1]); }
	else if (!strcmp(op, "exec")) { ARGS(1, MAX_WORDS - 1); op_exec(r, nw, w); }
	else if (!strcmp(op, "module")) { ARGS(0, 0); op_module(r); }
	else if (!strcmp(op, "klog")) { ARGS(0, 0); op_klog(r); }
	else if (!strcmp(op, "rt")) { ARGS(0, 0); op_rt(r); }
	else if (!strcmp(op, "nice")) { ARGS(0, 0); op_nice(r); }
	else if (!strcmp(op, "personality")) { ARGS(0, 0); op_personality(r); }
	else if (!strcmp(op, "hostns")) { ARGS(1, 1); op_hostns(r, w[1]); }
	else if (!strcmp(op, "mlock")) { ARGS(1, 1); op_mlock(r, w[1]); }
	else if (!strcmp(op, "mountroot")) { ARGS(1, 1); op_mountroot(r, w[1]); }
	else if (!strcmp(op, "comm")) { ARGS(1, 1); op_comm(r, w[1]); }
	else fail(r, -1, "unknown operation '%s'", op);
#undef ARGS
}

static void format_result(const struct result *r, char *out, size_t len)
{
	if (r->err < 0) {
		snprintf(out, len, "error # %s", r->note);
		return;
	}
	const char *name = r->err ? strerrorname_np(r->err) : "ok";
	char num[32];
	if (!name) {
		snprintf(num, sizeof num, "E%d", r->err);
		name = num;
	}
	int n = snprintf(out, len, "%s", name);
	if (!r->err && r->value[0] && n >= 0 && (size_t)n < len)
		n += snprintf(out + n, len - (size_t)n, " value=%s", r->value);
	if (r->note[0] && n >= 0 && (size_t)n < len)
		snprintf(out + n, len - (size_t)n, " # %s", r->note);
}

/* \xHH in a word is that byte (in place): how an operation names a path with a blank
 * ("execwrite /srv/my\x20data"). '%' needs no escape but goes through systemd's
 * specifier expansion like every argument: write "%%" for one. */
static char *unescape_word(char *t)
{
	char *o = t;
	for (const char *i = t; *i; ) {
		unsigned v;
		if (i[0] == '\\' && i[1] == 'x' && sscanf(i + 2, "%2x", &v) == 1 && isxdigit((unsigned char)i[2]) &&
		    isxdigit((unsigned char)i[3]) && v) {
			*o++ = (char)v;
			i += 4;
		} else
			*o++ = *i++;
	}
	*o = '\0';
	return t;
}

/* Run one operation in a child; print its line. */
static void run_op(int idx, const char *text)
{
	char copy[1024], *w[MAX_WORDS + 1], *save = NULL;
	int nw = 0;
	snprintf(copy, sizeof copy, "%s", text);
	for (char *t = strtok_r(copy, " \t", &save); t && nw <= MAX_WORDS; t = strtok_r(NULL, " \t", &save))
		w[nw++] = unescape_word(t);

	char line[1024];
	int fds[2];
	if (nw == 0 || nw > MAX_WORDS) {
		printf("probe[%d] %s => error # empty or too many words\n", idx, text);
		return;
	}
	if (pipe2(fds, O_CLOEXEC) < 0) {
		printf("probe[%d] %s => error # pipe: %s\n", idx, text, strerror(errno));
		return;
	}
	fflush(stdout);
	pid_t pid = fork();
	if (pid < 0) {
		printf("probe[%d] %s => error # fork: %s\n", idx, text, strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return;
	}
	if (pid == 0) {
		close(fds[0]);
		alarm(OP_TIMEOUT_S); /* a hung operation dies of SIGALRM */
		struct result r;
		memset(&r, 0, sizeof r);
		dispatch(&r, nw, w);
		format_result(&r, line, sizeof line);
		if (write(fds[1], line, strlen(line)) < 0)
			_exit(3);
		_exit(0);
	}
	close(fds[1]);
	size_t got = 0;
	ssize_t n;
	while (got + 1 < sizeof line && (n = read(fds[0], line + got, sizeof line - 1 - got)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		got += (size_t)n;
	}
	line[got] = '\0';
	close(fds[0]);
	int st = 0;
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	if (WIFSIGNALED(st)) {
		const char *s = sigabbrev_np(WTERMSIG(st));
		printf("probe[%d] %s => killed:SIG%s\n", idx, text, s ? s : "?");
	} else if (!got) {
		printf("probe[%d] %s => error # no result (exit %d)\n", idx, text, WEXITSTATUS(st));
	} else {
		printf("probe[%d] %s => %s\n", idx, text, line);
	}
}

/* Listener mode for the harness's fixtures. */
static int serve(int n, char **addrs)
{
	struct pollfd p[16];
	if (n < 1 || n > 16) {
		fprintf(stderr, "probe serve: 1..16 ADDR:PORT arguments\n");
		return 2;
	}
	for (int i = 0; i < n; i++) {
		struct sockaddr_storage ss;
		socklen_t len;
		int one = 1;
		if (parse_addr(addrs[i], 0, &ss, &len) < 0) {
			fprintf(stderr, "probe serve: bad address %s\n", addrs[i]);
			return 2;
		}
		p[i].fd = socket(ss.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
		p[i].events = POLLIN;
		if (p[i].fd < 0 || setsockopt(p[i].fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) < 0 ||
		    bind(p[i].fd, (struct sockaddr *)&ss, len) < 0 || listen(p[i].fd, 64) < 0) {
			fprintf(stderr, "probe serve: %s: %s\n", addrs[i], strerror(errno));
			return 1;
		}
		printf("listening on %s\n", addrs[i]);
	}
	fflush(stdout);
	for (;;) {
		if (poll(p, (nfds_t)n, -1) < 0 && errno != EINTR)
			return 1;
		for (int i = 0; i < n; i++) {
			if (!(p[i].revents & POLLIN))
				continue;
			int c = accept4(p[i].fd, NULL, NULL, SOCK_CLOEXEC);
			if (c >= 0)
				close(c);
		}
	}
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc >= 2 && !strcmp(argv[1], "serve"))
		return serve(argc - 2, argv + 2);
	if (argc >= 2 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))) {
		fprintf(stderr, "usage: probe OP [OP...] | probe serve ADDR:PORT...  (see probe.c)\n");
		return 2;
	}
	manager_pid = getppid();
	signal(SIGPIPE, SIG_IGN);
	for (int i = 1; i < argc; i++)
		run_op(i, argv[i]);
	printf("probe-end %d\n", argc - 1);
	return 0;
}
