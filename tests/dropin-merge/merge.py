#!/usr/bin/env python3
"""The drop-in never removes a vendor's denial, and never allows more than the policy.

Each case is a vendor unit with a random subset of the deny lists systemd has (random values,
plain and `~` forms) and a random policy. unitc compiles the policy twice: `--layout=dropin`
(installed over the vendor's unit) and the full layout (the policy's own bound). Three units
per case are read back through systemd's own unit parser, never unitc's:

  mwN.service  the vendor's unit alone
  mvN.service  the vendor's unit with unitc's drop-in
  muN.service  the policy's full unit

`systemd --test --system` (systemd 252, run as nobody) loads them all and dumps each unit's
parsed settings. Checked for every case:
  - every entry of the vendor's InaccessiblePaths=, NoExecPaths=, ReadOnlyPaths=,
    TemporaryFileSystem=, IPAddressDeny= is in the merged unit's;
  - the capabilities, namespace types and system calls the merged unit allows are allowed by
    both the vendor's unit and the policy's;
  - the merged unit parses without a warning.
systemd 252's dump leaves RestrictAddressFamilies= out, so address families are read through
`systemd-analyze security --offline=true` (the same parser, loading the drop-in), per group
of families it reports: a group the vendor's or the policy's unit restricts stays restricted.
The exact family set under the booted manager (`systemctl show`) is e2e case
d-dropin-vendor-deny.

Not generated: a vendor's `RestrictAddressFamilies=none`. systemd 252 forgets it at the next
assignment of any form (it starts a new list), so no drop-in that sets families can keep it;
tables.c's row says so.

Also: the drop-ins the e2e cases install (tests/e2e/units/*/NAME.service.d/) are what unitc
writes for the NAME.pol beside them today.

Ends with "dropin-merge: N passed, N failed" (one per case). MERGE_CASES, MERGE_SEED.
"""
import json
import os
import random
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

CASES = int(os.environ.get("MERGE_CASES", "150"))
SEED = int(os.environ.get("MERGE_SEED", str(random.randrange(1 << 30))))
UNITC = [os.path.abspath(w) if "/" in w and os.path.exists(w) else w
         for w in shlex.split(os.environ.get("UNITC", "build/unitc"))]
SYSTEMD = "/lib/systemd/systemd"

CAPS = ["CAP_CHOWN", "CAP_NET_ADMIN", "CAP_NET_BIND_SERVICE", "CAP_NET_RAW", "CAP_SYS_TIME",
        "CAP_SYS_ADMIN", "CAP_DAC_OVERRIDE", "CAP_SYS_PTRACE", "CAP_KILL", "CAP_SETUID"]
SYSCALLS = ["@mount", "@clock", "@chown", "chown", "fchown", "@privileged", "@resources",
            "setresuid", "@setuid", "@network-io", "@basic-io", "@system-service", "@debug",
            "ptrace", "@raw-io", "personality", "@file-system", "bpf", "@ipc", "@process"]
FAMILIES = ["AF_UNIX", "AF_INET", "AF_INET6", "AF_NETLINK", "AF_PACKET", "AF_BLUETOOTH",
            "AF_CAN", "AF_ALG", "AF_VSOCK"]
NAMESPACES = ["cgroup", "ipc", "net", "mnt", "pid", "user", "uts"]

# The deny lists: each a generator of one value.
def some(r, pool, lo=1, hi=3):
    return " ".join(r.sample(pool, r.randint(lo, min(hi, len(pool)))))

DENY = {
    "InaccessiblePaths": lambda r: some(r, ["/etc/vendor-secret", "-/etc/shadow", "/var/lib/vsecret",
                                            "-/srv/data/private", "/etc/other", "-/home/x"]),
    "NoExecPaths": lambda r: some(r, ["/", "/dev/shm", "/var/lib/p", "-/srv/p", "/tmp"]),
    "ReadOnlyPaths": lambda r: some(r, ["/var/lib/p", "/srv", "-/opt/v", "-/srv/p"]),
    "TemporaryFileSystem": lambda r: some(r, ["/var/cache/v:ro", "/opt/t", "/srv/t:ro"], 1, 2),
    "IPAddressDeny": lambda r: some(r, ["10.0.0.0/8", "192.168.0.0/16", "any", "::1/128", "10.1.2.3"]),
    "CapabilityBoundingSet": lambda r: r.choice(["~", ""]) + some(r, CAPS, 1, 4),
    "SystemCallFilter": lambda r: r.choice(["~", "~", ""]) + some(r, SYSCALLS, 1, 4),
    "RestrictAddressFamilies": lambda r: r.choice(["~", ""]) + some(r, FAMILIES, 1, 4),
    "RestrictNamespaces": lambda r: r.choice(["~" + some(r, NAMESPACES, 1, 3), some(r, NAMESPACES, 1, 3),
                                              "yes", "no"]),
}
# Vendor allow lists, for realism: the drop-in may reset them.
ALLOW = {
    "ReadWritePaths": lambda r: some(r, ["/srv/vendor", "-/var/lib/p", "/srv/p"], 1, 2),
    "ExecPaths": lambda r: some(r, ["/usr/lib/v", "/srv/p/bin"], 1, 1),
    "IPAddressAllow": lambda r: some(r, ["localhost", "10.1.0.0/16"], 1, 2),
    "AmbientCapabilities": lambda r: some(r, CAPS, 1, 2),
    "StateDirectory": lambda r: "v",
}

POLICY = [
    ["needs network outbound to any"], ["needs network outbound to 10.0.0.0/8 port 443"],
    ["needs network local"], ["needs capability net_bind_service"], ["needs capability net_admin"],
    ["needs capability chown sys_ptrace"], ["needs namespaces user net"], ["needs namespaces mnt"],
    ["needs syscalls @clock"], ["needs syscalls chown setresuid"], ["needs resources"],
    ["writes /var/lib/p"], ["writes /srv/p"], ['writes "/srv/my data"'], ["writes /srv/a%b"],
    ["writes /srv/p", "executes /srv/p/bin"], ["hides /etc/other"], ["hides /var/lib/vsecret"],
    ["needs netlink"], ["needs packet-sockets"], ["reads /etc/p"], ["needs device /dev/net/tun rw"],
    ["user root"], ["needs jit"], ["directive Service LogExtraFields UNITC_CASE=1"],
]


def say(*a):
    print(*a, flush=True)


def finish(passed, failed, note=""):
    say(f"dropin-merge: {passed} passed, {failed} failed{note}")
    sys.exit(1 if failed else 0)


def as_nobody():
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv"):
        return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    return ["runuser", "-u", "nobody", "--"]


def gen_case(r, i):
    vendor = ["[Service]", "ExecStart=/bin/true"]
    for key in r.sample(sorted(DENY), r.randint(1, len(DENY))):
        for _ in range(r.randint(1, 2)):
            vendor.append(f"{key}={DENY[key](r)}")
    for key in r.sample(sorted(ALLOW), r.randint(0, 2)):
        vendor.append(f"{key}={ALLOW[key](r)}")
    r.shuffle(vendor[2:])
    body = ["exec /usr/bin/true"]
    for frag in r.sample(POLICY, r.randint(0, 6)):
        for line in frag:
            if line not in body:
                body.append(line)
    return "\n".join(vendor) + "\n", body


def policy_text(name, body):
    return f"service {name} {{\n" + "".join(f"    {l}\n" for l in body) + "}\n"


def compile_policy(work, name, body, layout):
    pol = os.path.join(work, "pol", f"{name}.pol")
    with open(pol, "w") as f:
        f.write(policy_text(name, body))
    p = subprocess.run(UNITC + [f"--layout={layout}", pol, "-o", os.path.join(work, "units", f"{name}.service")],
                       capture_output=True, text=True)
    return p.returncode, p.stderr


def parse_dump(text):
    units, cur = {}, None
    for line in text.splitlines():
        m = re.match(r"^\t-> Unit (\S+):$", line)
        if m:
            cur = units.setdefault(m.group(1), {"_raw": []})
            continue
        if cur is not None:
            cur["_raw"].append(line)
        m = re.match(r"^\t\t([A-Za-z]+): ?(.*)$", line)
        if cur is not None and m:
            cur.setdefault(m.group(1), []).append(m.group(2))
    return units


def words(u, key):
    return [w for v in u.get(key, []) for w in v.split()]


def caps_allowed(u):
    if "CapabilityBoundingSet" not in u:
        return None  # everything
    return set(words(u, "CapabilityBoundingSet"))


def ns_allowed(u):
    v = u.get("RestrictNamespaces")
    if v is None:
        return None
    if v[-1].strip() == "n/a":
        return set()
    return set(v[-1].split())


def syscall_filter(u):
    v = u.get("SystemCallFilter")
    if not v:
        return None
    s = " ".join(v).strip()
    if s.startswith("~"):
        return ("deny", set(s[1:].split()))
    return ("allow", set(s.split()))


def sc_allows(f, name):
    if f is None:
        return True
    mode, names = f
    return name in names if mode == "allow" else name not in names


def native_syscalls():
    """Names of this architecture's system calls (SystemCallArchitectures=native: the others
    cannot be called), from the kernel headers; None: every name counts."""
    import glob
    for h in glob.glob("/usr/include/*/asm/unistd_64.h") + glob.glob("/usr/include/asm/unistd_64.h"):
        with open(h) as f:
            names = set(re.findall(r"^#define __NR_(\w+)\s+\d+", f.read(), re.M))
        if names:
            return names
    return None


def subset(a, b):
    """a (None: everything) within b (None: everything)."""
    if b is None:
        return True
    if a is None:
        return False
    return a <= b


def families(path):
    p = subprocess.run(["systemd-analyze", "security", "--offline=true", "--json=short", "--no-pager", path],
                       capture_output=True, text=True)
    try:
        rows = json.loads(p.stdout)
    except ValueError:
        return None
    return {r["name"]: r["set"] for r in rows if r["name"].startswith("RestrictAddressFamilies=")}


NATIVE = native_syscalls()


def e2e_dropins_current():
    """The e2e cases' checked-in drop-ins (tests/e2e/units/*/NAME.pol beside
    NAME.service.d/50-unitc-sandbox.conf) are what unitc writes today: (passed, failed)."""
    import glob
    passed = failed = 0
    for pol in sorted(glob.glob("tests/e2e/units/*/*.pol")):
        d, name = os.path.split(pol)
        name = name[:-4]
        want = os.path.join(d, f"{name}.service.d", "50-unitc-sandbox.conf")
        if not os.path.exists(want):
            continue
        tmp = tempfile.mkdtemp(prefix="unitc-merge-e2e-")
        try:
            p = subprocess.run(UNITC + ["--layout=dropin", f"{name}.pol", "-o", os.path.join(tmp, f"{name}.service")],
                               capture_output=True, text=True, cwd=d)
            got = os.path.join(tmp, f"{name}.service.d", "50-unitc-sandbox.conf")
            if p.returncode == 0 and os.path.exists(got) and open(got).read() == open(want).read():
                passed += 1
            else:
                failed += 1
                say(f"FAIL {want} is not what unitc writes for {pol} now (regenerate it: cd {d} && "
                    f"unitc --layout=dropin {name}.pol -o {name}.service)")
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    return passed, failed


def main():
    e2e_pass, e2e_fail = e2e_dropins_current()
    if not os.path.exists(SYSTEMD) or not shutil.which("systemd-analyze"):
        finish(e2e_pass, e2e_fail, " (merge cases skipped: no systemd here to parse the units)")
    say(f"dropin-merge: {CASES} cases, MERGE_SEED={SEED}")
    r = random.Random(SEED)
    work = tempfile.mkdtemp(prefix="unitc-merge-")
    passed, failed = e2e_pass, e2e_fail
    try:
        os.makedirs(os.path.join(work, "units"))
        os.makedirs(os.path.join(work, "pol"))
        cases = []
        for i in range(CASES):
            vendor, body = gen_case(r, i)
            ok = True
            for name, layout in ((f"mv{i}", "dropin"), (f"mu{i}", "full")):
                rc, err = compile_policy(work, name, body, layout)
                if rc != 0:
                    say(f"FAIL case {i}: unitc --layout={layout} exit {rc}\n{policy_text(name, body)}{err}")
                    ok = False
            for name in (f"mv{i}", f"mw{i}"):
                with open(os.path.join(work, "units", f"{name}.service"), "w") as f:
                    f.write(vendor)
            if ok:
                cases.append((i, vendor, body))
            else:
                failed += 1
        with open(os.path.join(work, "units", "mall.target"), "w") as f:
            f.write("[Unit]\nDescription=all cases\n")
            for i, _, _ in cases:
                f.write(f"Wants=mv{i}.service mw{i}.service mu{i}.service\n")
        for root, dirs, files in os.walk(work):
            os.chmod(root, 0o755)
            for n in files:
                os.chmod(os.path.join(root, n), 0o644)
        env = dict(os.environ, SYSTEMD_UNIT_PATH=os.path.join(work, "units") + ":")
        p = subprocess.run(as_nobody() + [SYSTEMD, "--test", "--system", "--no-pager", "--unit=mall.target"],
                           capture_output=True, text=True, env=env, cwd="/")
        units = parse_dump(p.stdout)
        warnings = [l for l in (p.stdout + p.stderr).splitlines() if work in l and ".service" in l and
                    not l.lstrip().startswith(("Fragment Path", "DropIn Path"))]
        if not units:
            say("FAIL systemd --test printed no units:\n" + (p.stderr + p.stdout)[-2000:])
            finish(passed, failed + 1)
        for i, vendor, body in cases:
            v, w, u = units.get(f"mv{i}.service"), units.get(f"mw{i}.service"), units.get(f"mu{i}.service")
            bad = []
            if v is None or w is None or u is None:
                bad.append("a unit is missing from systemd's dump")
            else:
                if not any("DropIn Path" in l and "50-unitc-sandbox.conf" in l for l in v["_raw"]):
                    bad.append("the drop-in was not loaded")
                for key in ("InaccessiblePaths", "NoExecPaths", "ReadOnlyPaths", "TemporaryFileSystem", "IPAddressDeny"):
                    lost = [x for x in words(w, key) if x not in words(v, key)]
                    if lost:
                        bad.append(f"{key}: the vendor's {' '.join(lost)} is gone ({' '.join(words(v, key))})")
                cv, cw, cu = caps_allowed(v), caps_allowed(w), caps_allowed(u)
                if not subset(cv, cw) or not subset(cv, cu):
                    bad.append(f"CapabilityBoundingSet: merged {sorted(cv) if cv is not None else 'all'} "
                               f"vendor {sorted(cw) if cw is not None else 'all'} "
                               f"policy {sorted(cu) if cu is not None else 'all'}")
                nv, nw, nu = ns_allowed(v), ns_allowed(w), ns_allowed(u)
                if not subset(nv, nw) or not subset(nv, nu):
                    bad.append(f"RestrictNamespaces: merged {nv} vendor {nw} policy {nu}")
                fv, fw, fu = syscall_filter(v), syscall_filter(w), syscall_filter(u)
                universe = set().union(*(f[1] for f in (fv, fw, fu) if f))
                if NATIVE is not None:
                    universe &= NATIVE
                wide = sorted(n for n in universe if sc_allows(fv, n) and not (sc_allows(fw, n) and sc_allows(fu, n)))
                if wide:
                    bad.append(f"SystemCallFilter: merged allows {' '.join(wide[:12])}{' ...' if len(wide) > 12 else ''}")
                mine = [l for l in warnings if f"/mv{i}.service" in l]
                if mine:
                    bad.append("systemd warns: " + "; ".join(mine[:3]))
                av = families(os.path.join(work, "units", f"mv{i}.service"))
                aw = families(os.path.join(work, "units", f"mw{i}.service"))
                au = families(os.path.join(work, "units", f"mu{i}.service"))
                if av is None or aw is None or au is None:
                    bad.append("systemd-analyze security gave no JSON")
                else:
                    for row, restricted in av.items():
                        if not restricted and (aw.get(row) or au.get(row)):
                            bad.append(f"{row}: restricted by the {'vendor' if aw.get(row) else 'policy'}, not merged")
            if bad:
                failed += 1
                say(f"FAIL case {i}:\n  " + "\n  ".join(bad))
                say("  vendor:\n    " + vendor.strip().replace("\n", "\n    "))
                say("  policy: " + "; ".join(body))
            else:
                passed += 1
    finally:
        if os.environ.get("MERGE_KEEP"):
            say(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    finish(passed, failed)


main()
