#!/usr/bin/env python3
"""gen_units.py - a seeded, reproducible generator of random unit files for the differential
exposure suite (tests/exposure/run).

Usage: gen_units.py OUTDIR [--seed N] [--count N] [--per-dir N] [--mutants N]

Writes OUTDIR/dNN/ directories of units, each with NAME.service.d/ drop-ins for some units,
and prints one line per directory: "DIR UNIT UNIT ...". Every directive the 81 checks read is
drawn from a pool of values: valid ones, spellings systemd accepts (YES, on, 1), values a
later systemd accepts but 252 ignores, and garbage systemd ignores with a warning. A few
units carry settings systemd refuses (they must fail to load on both sides). A last directory
holds mutants: generated units with random bytes changed, inserted or deleted, for the odd
corners of systemd's parsers (quotes, prefixes, specifiers, line ends). Special names
(root.service, nobody.service, templates) get directories of their own, since a name can only
exist once on the search path.
"""
import os
import random
import sys

BOOLS = ['yes', 'no', 'true', 'false', 'on', 'off', '1', '0', 'YES', 'No', 'y', 't', 'f',
         'maybe', '', 'ja']

BOOL_KEYS = ['PrivateDevices', 'PrivateMounts', 'PrivateNetwork', 'PrivateTmp', 'PrivateUsers',
             'ProtectControlGroups', 'ProtectKernelModules', 'ProtectKernelTunables',
             'ProtectKernelLogs', 'ProtectClock', 'ProtectHostname', 'LockPersonality',
             'MemoryDenyWriteExecute', 'NoNewPrivileges', 'RemoveIPC', 'RestrictRealtime',
             'RestrictSUIDSGID', 'DynamicUser']
LATER_VALUES = {'PrivateTmp': ['connected', 'disconnected'], 'PrivateUsers': ['self', 'identity', 'full'],
                'ProtectControlGroups': ['private', 'strict'], 'ProtectHostname': ['private']}

CAPS = ['CAP_CHOWN', 'CAP_DAC_OVERRIDE', 'CAP_DAC_READ_SEARCH', 'CAP_FOWNER', 'CAP_FSETID',
        'CAP_KILL', 'CAP_SETGID', 'CAP_SETUID', 'CAP_SETPCAP', 'CAP_LINUX_IMMUTABLE',
        'CAP_NET_BIND_SERVICE', 'CAP_NET_BROADCAST', 'CAP_NET_ADMIN', 'CAP_NET_RAW',
        'CAP_IPC_LOCK', 'CAP_IPC_OWNER', 'CAP_SYS_MODULE', 'CAP_SYS_RAWIO', 'CAP_SYS_CHROOT',
        'CAP_SYS_PTRACE', 'CAP_SYS_PACCT', 'CAP_SYS_ADMIN', 'CAP_SYS_BOOT', 'CAP_SYS_NICE',
        'CAP_SYS_RESOURCE', 'CAP_SYS_TIME', 'CAP_SYS_TTY_CONFIG', 'CAP_MKNOD', 'CAP_LEASE',
        'CAP_AUDIT_WRITE', 'CAP_AUDIT_CONTROL', 'CAP_SETFCAP', 'CAP_MAC_OVERRIDE',
        'CAP_MAC_ADMIN', 'CAP_SYSLOG', 'CAP_WAKE_ALARM', 'CAP_BLOCK_SUSPEND', 'CAP_AUDIT_READ',
        'CAP_PERFMON', 'CAP_BPF', 'CAP_CHECKPOINT_RESTORE']
CAP_GARBAGE = ['sys_ptrace', 'CAP_FOO', 'cap_sys_admin', 'Cap_Kill', '21', '63', '64', '-1']

NAMESPACES = ['cgroup', 'ipc', 'net', 'mnt', 'pid', 'user', 'uts']
FAMILIES = ['AF_UNIX', 'AF_INET', 'AF_INET6', 'AF_NETLINK', 'AF_PACKET', 'AF_BLUETOOTH',
            'AF_CAN', 'AF_LOCAL', 'AF_ROUTE', 'AF_VSOCK', 'AF_ALG', 'AF_UNSPEC', 'AF_XDP']
ARCHS = ['native', 'x86-64', 'x86', 'x32', 'arm64', 'bogus-arch']
SYSCALL_WORDS = ['@swap', '@obsolete', '@clock', '@cpu-emulation', '@debug', '@mount',
                 '@module', '@raw-io', '@reboot', '@privileged', '@resources',
                 '@system-service', '@basic-io', '@file-system', '@network-io', '@default',
                 '@chown', '@setuid', '@known', '@aio', '@sync', '@timer', '@ipc', '@process',
                 '@signal', '@io-event', '@memlock', '@keyring', '@pkey', '@sandbox', '@nosuch',
                 'swapon', 'swapoff', 'reboot', 'kexec_load', 'ptrace', 'mount', 'umount2',
                 'init_module', 'ioperm', 'iopl', 'settimeofday', 'clock_settime', 'adjtimex',
                 'chown', 'setuid', 'acct', 'bpf', 'ioprio_set', 'sched_setattr', 'setpriority',
                 'personality', 'uselib', 'vm86', 'quotactl_fd', 'umount', 'setfsuid32',
                 'socketcall', 'nosuchcall', 'read', 'write', 'execve', 'futex_waitv']
ERRNOS = ['EPERM', 'ENOANO', 'EACCES', '13', 'kill', 'ENOSUCH', '0', '5000']
IPS = ['any', 'localhost', 'link-local', 'multicast', '0.0.0.0/0', '::/0', '10.0.0.0/8',
       '127.0.0.1', '127.0.0.1/0', '::1', '::1/128', '192.168.1.0/24', 'fe80::/64',
       '1.2.3.4', 'garbage', '300.1.1.1', '127.0.0.0/8', '::/1']
DEVICES = ['/dev/null rw', '/dev/null', 'char-rtc r', '/dev/sda wr', 'block-loop rwm',
           '/dev/zero m', '/home/x r', '/dev/zz q', 'char-pts rw', '/dev/../etc r', '/sys/x r',
           '/dev/tty0 w']


def choice(r, xs):
    return xs[r.randrange(len(xs))]


def words(r, pool, lo, hi):
    return ' '.join(r.sample(pool, r.randint(lo, min(hi, len(pool)))))


def value_for(r, key):
    if key in BOOL_KEYS:
        pool = BOOLS + LATER_VALUES.get(key, [])
        return choice(r, pool)
    if key == 'DefaultDependencies':
        return choice(r, ['no', 'no', 'yes', 'false', 'bogus'])
    if key == 'User':
        return choice(r, ['root', '0', 'nobody', '65534', 'foo', 'www-data', '', 'svc_1',
                          '%n', '%p', '1000', 'Nobody', 'root ', 'a/b', '65535', 'bad name'])
    if key == 'Group':
        return choice(r, ['foo', '0', 'nogroup', ''])
    if key == 'SupplementaryGroups':
        return choice(r, ['', 'wheel', 'adm audio', '%p', '0'])
    if key == 'ProtectHome':
        return choice(r, ['yes', 'no', 'read-only', 'tmpfs', 'true', 'Read-Only', '', 'bogus', 'off'])
    if key == 'ProtectSystem':
        return choice(r, ['yes', 'no', 'full', 'strict', 'true', 'Strict', '', 'bogus', '0'])
    if key == 'ProtectProc':
        return choice(r, ['default', 'noaccess', 'invisible', 'ptraceable', 'bogus', ''])
    if key == 'ProcSubset':
        return choice(r, ['all', 'pid', 'bogus', ''])
    if key == 'KeyringMode':
        return choice(r, ['inherit', 'private', 'shared', 'bogus', ''])
    if key == 'NotifyAccess':
        return choice(r, ['none', 'main', 'exec', 'all', 'bogus', ''])
    if key == 'UMask':
        return choice(r, ['0022', '0077', '0027', '0002', '0000', '007', '0026', '0070', '077',
                          '8', 'bogus', '', '0o22', '7777'])
    if key in ('CapabilityBoundingSet', 'AmbientCapabilities'):
        k = r.random()
        if k < 0.1:
            return ''
        if k < 0.15:
            return '~'
        lst = r.sample(CAPS, r.randint(1, 8))
        if r.random() < 0.3:
            lst.append(choice(r, CAP_GARBAGE))
        return ('~' if r.random() < 0.5 else '') + ' '.join(lst)
    if key == 'RestrictNamespaces':
        k = r.random()
        if k < 0.1:
            return ''
        if k < 0.3:
            return choice(r, ['yes', 'no', 'true', 'off'])
        lst = r.sample(NAMESPACES, r.randint(1, 5))
        if r.random() < 0.1:
            lst.append('bogus')
        return ('~' if r.random() < 0.5 else '') + ' '.join(lst)
    if key == 'RestrictAddressFamilies':
        k = r.random()
        if k < 0.1:
            return ''
        if k < 0.2:
            return 'none'
        lst = r.sample(FAMILIES, r.randint(1, 4))
        if r.random() < 0.1:
            lst.append('AF_BOGUS')
        return ('~' if r.random() < 0.5 else '') + ' '.join(lst)
    if key == 'SystemCallArchitectures':
        return '' if r.random() < 0.1 else words(r, ARCHS, 1, 2)
    if key == 'SystemCallFilter':
        if r.random() < 0.08:
            return ''
        ws = []
        for w in r.sample(SYSCALL_WORDS, r.randint(1, 5)):
            if r.random() < 0.25:
                w += ':' + choice(r, ERRNOS)
            ws.append(w)
        return ('~' if r.random() < 0.5 else '') + ' '.join(ws)
    if key == 'SystemCallErrorNumber':
        return choice(r, ['EPERM', 'EACCES'])
    if key in ('IPAddressDeny', 'IPAddressAllow'):
        return '' if r.random() < 0.1 else words(r, IPS, 1, 3)
    if key in ('IPIngressFilterPath', 'IPEgressFilterPath'):
        return choice(r, ['/sys/fs/bpf/filter', '', 'relative/path'])
    if key == 'DevicePolicy':
        return choice(r, ['auto', 'closed', 'strict', 'bogus', ''])
    if key == 'DeviceAllow':
        return '' if r.random() < 0.1 else choice(r, DEVICES)
    if key == 'Delegate':
        return choice(r, ['yes', 'no', '', 'cpu memory', 'bogus', 'io'])
    if key == 'RootDirectory':
        return choice(r, ['', '/', '/srv/root', '//', '/var/lib/x'])
    if key == 'RootImage':
        return choice(r, ['', '/srv/image.raw', '/'])
    if key == 'MountImages':
        return choice(r, ['/srv/a.raw:/mnt', ''])
    if key == 'LoadCredentialEncrypted':
        return choice(r, ['secret:/etc/secret.cred', ''])
    if key == 'SetCredentialEncrypted':
        return choice(r, ['secret: SGVsbG8=', ''])
    if key == 'Type':
        return choice(r, ['simple', 'notify', 'exec', 'forking', 'idle', 'bogus'])
    if key == 'WatchdogSec':
        return choice(r, ['10', '0', ''])
    raise KeyError(key)


SCORED_KEYS = BOOL_KEYS + ['User', 'Group', 'SupplementaryGroups', 'ProtectHome', 'ProtectSystem',
                           'ProtectProc', 'ProcSubset', 'KeyringMode', 'NotifyAccess', 'UMask',
                           'CapabilityBoundingSet', 'AmbientCapabilities', 'RestrictNamespaces',
                           'RestrictAddressFamilies', 'SystemCallArchitectures',
                           'SystemCallFilter', 'SystemCallErrorNumber', 'IPAddressDeny',
                           'IPAddressAllow', 'IPIngressFilterPath', 'IPEgressFilterPath',
                           'DevicePolicy', 'DeviceAllow', 'Delegate', 'RootDirectory',
                           'RootImage', 'MountImages', 'LoadCredentialEncrypted',
                           'SetCredentialEncrypted', 'Type', 'WatchdogSec']
RARE_FATAL = {'a/b', '65535', 'bad name'}


def body(r, keys_lo, keys_hi, section='Service'):
    """Lines of one file's [Service] section (plus [Unit] sometimes)."""
    out = []
    if r.random() < 0.25:
        out.append('[Unit]')
        out.append('Description=random unit')
        out.append('DefaultDependencies=' + value_for(r, 'DefaultDependencies'))
    out.append('[%s]' % section)
    for _ in range(r.randint(keys_lo, keys_hi)):
        key = choice(r, SCORED_KEYS)
        v = value_for(r, key)
        if key in ('User', 'Group') and v in RARE_FATAL and r.random() < 0.85:
            v = 'foo'
        line = '%s=%s' % (key, v)
        k = r.random()
        if k < 0.04 and ' ' in v:
            a, b = v.split(' ', 1)
            line = '%s=%s \\\n%s' % (key, a, b)         # continuation
        elif k < 0.06:
            out.append(choice(r, ['# a comment', '; another', '   # indented comment']))
        elif k < 0.08:
            line = '  %s = %s  ' % (key, v)            # blanks around key and value
        out.append(line)
    return out


QUIRKS = ['crlf', 'bom', 'junk', 'xsection', 'othersection', 'tabs', 'badutf8-comment',
          'continued-comment', 'eof-backslash', 'cr']


def apply_quirk(r, text):
    """File-level oddities systemd's parser tolerates."""
    q = choice(r, QUIRKS)
    if q == 'crlf':
        return text.replace('\n', '\r\n')
    if q == 'cr':
        return text.replace('\n', '\r')
    if q == 'bom':
        return '\ufeff' + text
    if q == 'junk':
        return text + 'this line has no equals sign\n=no key\n'
    if q == 'xsection':
        return text + '[X-Vendor]\nUser=root\nPrivateNetwork=no\n'
    if q == 'othersection':
        return text + '[Socket]\nUser=root\nPrivateNetwork=no\n[Service]\nPrivateIPC=yes\n'
    if q == 'tabs':
        return text.replace('\nPrivate', '\n\tPrivate')
    if q == 'badutf8-comment':
        return text + '# caf\udcc3 \udce9\n'
    if q == 'continued-comment':
        return text + 'SystemCallFilter=@clock \\\n# comment inside\n@swap\n'
    return text + 'RestrictRealtime=yes \\'


def gen_unit(r, name, special_user=False):
    lines = ['# generated']
    b = body(r, 3, 25)
    # ExecStart: one, or two for oneshot
    svc = b.index('[Service]')
    if r.random() < 0.1:
        b.insert(svc + 1, 'Type=oneshot')
        b.insert(svc + 2, 'ExecStart=/bin/true')
        b.insert(svc + 3, 'ExecStart=/bin/false')
    else:
        b.insert(svc + 1, 'ExecStart=' + choice(r, ['/bin/true', '+/bin/true', '-/usr/bin/env x', 'true']))
    if special_user:
        b.insert(svc + 1, 'DynamicUser=yes')
    lines += b
    dropins = []
    if r.random() < 0.3:
        for k in range(r.randint(1, 3)):
            fn = '%02d-%s.conf' % (r.randint(0, 99), choice(r, ['a', 'b', 'override']))
            t = '\n'.join(body(r, 1, 6)) + '\n'
            if r.random() < 0.1:
                t = apply_quirk(r, t)
            if r.random() < 0.05:
                t += choice(r, ['[Broken\nPrivateTmp=yes\n', 'User=caf\udce9\nPrivateTmp=yes\n'])
            dropins.append((fn, t))
    text = '\n'.join(lines) + '\n'
    if r.random() < 0.1:
        text = apply_quirk(r, text)
    return text, dropins


def gen_other(r, name):
    """A socket, mount, timer or target unit with the scored settings in its own section."""
    kind = name.rsplit('.', 1)[1]
    section = {'socket': 'Socket', 'mount': 'Mount', 'timer': 'Timer', 'target': 'Unit'}[kind]
    b = body(r, 2, 15, section) if kind != 'target' else ['[Unit]', 'Description=t']
    svc = b.index('[%s]' % section)
    if kind == 'socket':
        b.insert(svc + 1, 'ListenStream=/run/%s' % name)
    elif kind == 'mount':
        b.insert(svc + 1, 'What=/dev/disk/by-label/x')
        b.insert(svc + 2, 'Where=/' + name[:-len('.mount')].replace('-', '/'))
    elif kind == 'timer':
        b.insert(svc + 1, 'OnCalendar=daily')
    return '\n'.join(b) + '\n'


def write_unit(d, name, text, dropins):
    with open(os.path.join(d, name), 'w', encoding='utf-8', errors='surrogateescape') as f:
        f.write(text)
    if dropins:
        dd = os.path.join(d, name + '.d')
        os.makedirs(dd, exist_ok=True)
        for fn, t in dropins:
            with open(os.path.join(dd, fn), 'w', encoding='utf-8', errors='surrogateescape') as f:
                f.write(t)


def main(argv):
    out = argv[1]
    seed, count, per_dir, mutants = 252, 2000, 250, 500
    i = 2
    while i < len(argv):
        if argv[i] == '--seed':
            seed = int(argv[i + 1])
        elif argv[i] == '--count':
            count = int(argv[i + 1])
        elif argv[i] == '--per-dir':
            per_dir = int(argv[i + 1])
        elif argv[i] == '--mutants':
            mutants = int(argv[i + 1])
        i += 2
    r = random.Random(seed)
    os.makedirs(out, exist_ok=True)
    ndirs = (count + per_dir - 1) // per_dir
    n = 0
    sources = []
    for di in range(ndirs):
        d = os.path.join(out, 'd%02d' % di)
        os.makedirs(d, exist_ok=True)
        names = []
        for _ in range(min(per_dir, count - n)):
            prefix = choice(r, ['g', 'svc-a', 'svc-a-b', 'x_y'])
            name = '%s-%04d.service' % (prefix, n)
            text, dropins = gen_unit(r, name)
            write_unit(d, name, text, dropins)
            names.append(name)
            n += 1
        for k in range(12):
            kind = choice(r, ['socket', 'socket', 'mount', 'timer', 'target'])
            oname = ('mnt-gen%d%02d.mount' % (di, k)) if kind == 'mount' else 'o%d-%02d.%s' % (di, k, kind)
            write_unit(d, oname, gen_other(r, oname), [])
            names.append(oname)
        # names that matter to DynamicUser= and templates, once per directory
        special = [('nobody.service', True), ('root.service', True), ('tmpl@.service', False),
                   ('nobody@.service', True)]
        for sname, du in special:
            text, dropins = gen_unit(r, sname, special_user=du)
            write_unit(d, sname, text, dropins)
            names.append(sname)
        # an instance of the template, with its own drop-in
        os.makedirs(os.path.join(d, 'tmpl@inst%d.service.d' % di), exist_ok=True)
        with open(os.path.join(d, 'tmpl@inst%d.service.d' % di, '10-x.conf'), 'w') as f:
            f.write('\n'.join(body(r, 1, 5)) + '\n')
        names.append('tmpl@inst%d.service' % di)
        # prefix drop-ins (svc-a-b-0001.service reads svc-a-.service.d/ and svc-a-b-.service.d/),
        # and in one directory a type-wide service.d/ that applies to every service there
        for prefix in ('svc-a-', 'svc-a-b-'):
            pd = os.path.join(d, prefix + '.service.d')
            os.makedirs(pd, exist_ok=True)
            with open(os.path.join(pd, '%02d-prefix.conf' % r.randint(0, 99)), 'w') as f:
                f.write('\n'.join(body(r, 1, 3)) + '\n')
        if di == 1:
            os.makedirs(os.path.join(d, 'service.d'), exist_ok=True)
            with open(os.path.join(d, 'service.d', '05-all.conf'), 'w') as f:
                f.write('[Service]\nProtectHostname=yes\nSupplementaryGroups=\n')
        # aliases, a masked unit and an empty one
        for k in range(3):
            target = choice(r, [n for n in names if n.endswith('.service') and '@' not in n])
            os.symlink(target, os.path.join(d, 'alias%d-%d.service' % (di, k)))
            names.append('alias%d-%d.service' % (di, k))
        os.symlink('/dev/null', os.path.join(d, 'masked%d.service' % di))
        open(os.path.join(d, 'empty%d.service' % di), 'w').close()
        names += ['masked%d.service' % di, 'empty%d.service' % di]
        print(d, ' '.join(names))
    sources.extend(os.path.join(d, n) for n in names if n.endswith('.service') and n[0] in 'gsx')
    if mutants:
        d = os.path.join(out, 'm00')
        os.makedirs(d, exist_ok=True)
        names = []
        for k in range(mutants):
            data = mutate(r, bytearray(open(choice(r, sources), 'rb').read()))
            name = 'm-%04d.service' % k
            with open(os.path.join(d, name), 'wb') as f:
                f.write(bytes(data))
            names.append(name)
        print(d, ' '.join(names))
    return 0


INSERTS = [b'\\\n', b'\n', b'=', b'[', b']', b'\r', b'\x00', b'~', b'%', b'"', b"'", b' ', b'@', b';',
           b':', b'-', b'/', b'+', b'!', b'\xff']


def mutate(r, data):
    for _ in range(r.randint(1, 8)):
        if not data:
            break
        k, pos = r.random(), r.randrange(len(data))
        if k < 0.25:
            data[pos] = r.randrange(32, 127)
        elif k < 0.5:
            data[pos:pos] = choice(r, INSERTS)
        elif k < 0.7:
            del data[pos:pos + r.randint(1, 20)]
        else:
            data[pos:pos] = data[r.randrange(len(data)):][:30]
    return data


if __name__ == '__main__':
    sys.exit(main(sys.argv))
