#!/usr/bin/env python3
"""gen.py DIR: writes the hostile inputs of tests/limits/run into DIR (generated at run time,
never committed). Each case is DIR/NAME.pol (a folder of profiles where a case needs one).
Deterministic: the same bytes every run."""
import os
import random
import sys

d = sys.argv[1]
rnd = random.Random(252)


def w(name, data):
    mode = 'wb' if isinstance(data, bytes) else 'w'
    with open(os.path.join(d, name), mode) as f:
        f.write(data)


def service(body):
    return 'service big {\nexec /usr/bin/x\n' + body + '}\n'


# Size and counts.
w('huge-20MiB.pol', '#' + 'x' * (20 * 1024 * 1024) + '\n')
# 100,000 statements that compile: within each bound (10,000 written paths and owned folders,
# 1,000 hidden paths, 10,000 addresses), the rest of many kinds.
counts = [('hides /srv/h{}', 900), ('writes /srv/w{}', 4500), ('owns state s{}', 4500),
          ('needs network outbound to 10.1.{}.1', 9000), ('executes /srv/w{}/bin', 4000)]
rest = ['reads /srv/r{}', 'environment V{}=x', 'wants u{}.service', 'documentation man:x{}',
        'needs syscalls read', 'needs capability net_admin', 'requires q{}.service',
        'start after a{}.target', 'exec-pre /bin/true {}', 'reads /home/u{}']
lines = []
for k, n in counts:
    lines += [k.format(i % 250 if 'outbound' in k else i) for i in range(n)]
lines += [rest[i % len(rest)].format(i) for i in range(100000 - len(lines))]
rnd.shuffle(lines)
w('statements-100k.pol', 'service big {\nexec /usr/bin/x\ntype oneshot\n' + '\n'.join(lines) + '\n}\n')
w('statements-200001.pol', service(''.join('reads /srv/r%d\n' % i for i in range(200001))))
w('writes-100k.pol', service(''.join('writes /srv/w%d\n' % i for i in range(100000))))
w('addresses-100k.pol', service(''.join('needs network outbound to 10.%d.%d.%d\n' % (i >> 16, (i >> 8) & 255, i & 255) for i in range(100000))))
w('errors-100k.pol', service(''.join('bogus statement %d\n' % i for i in range(100000))))

# Long lines and tokens.
w('line-300k-words.pol', 'service big {\nexec /usr/bin/x ' + 'a ' * 300000 + '\n}\n')
w('line-8MiB-description.pol', service('description ' + 'ab ' * 3000000 + '\n'))
w('word-10MiB.pol', service('reads /' + 'a' * 10000000 + '\n'))
w('string-10MiB.pol', service('description "' + 'a' * 10000000 + '"\n'))
w('string-unterminated-10MiB.pol', 'service big {\nexec /usr/bin/x\ndescription "' + 'a' * 10000000)
w('comment-10MiB.pol', service('#' + 'c' * 10000000 + '\n') + 'service x {')
w('path-component-300.pol', service('reads /srv/' + 'a' * 300 + '\n'))

# Nesting.
w('braces-service-5000.pol', ''.join('service a%d {\n' % i for i in range(5000)) + '}\n' * 5000)
w('braces-100k.pol', '{' * 100000 + '}' * 100000)
w('braces-profile-100k.pol', ''.join('profile a%d { ' % i for i in range(100000)))
w('use-chain-40.pol', 'service a {\nexec /usr/bin/x\nuse p0\n}\n' +
  ''.join('profile p%d {\nuse p%d\n}\n' % (i, i + 1) for i in range(40)) + 'profile p40 {\nreads /x\n}\n')
w('use-chain-5000.pol', 'service a {\nexec /usr/bin/x\nuse p0\n}\n' +
  ''.join('profile p%d {\nuse p%d\n}\n' % (i, i + 1) for i in range(5000)) + 'profile p5000 {\nreads /x\n}\n')
w('use-cycle.pol', 'service a {\nexec /usr/bin/x\nuse p0\n}\n' +
  ''.join('profile p%d {\nuse p%d\n}\n' % (i, (i + 1) % 10) for i in range(10)))
w('use-self.pol', 'service a {\nexec /usr/bin/x\nuse me\n}\nprofile me {\nuse me\n}\n')
w('use-wide-20000.pol', service(''.join('use q%d\n' % i for i in range(20000))) +
  ''.join('profile q%d {\nreads /srv/q%d\n}\n' % (i, i) for i in range(20000)))
# Profiles in files: a chain of 40 files, and 300 files used side by side.
os.makedirs(os.path.join(d, 'chain'), exist_ok=True)
for i in range(40):
    w('chain/c%d.pol' % i, 'profile c%d {\nuse c%d\n}\n' % (i, i + 1))
w('chain/c40.pol', 'profile c40 {\nreads /x\n}\n')
w('chain/files-chain-40.pol', 'service a {\nexec /usr/bin/x\nuse c0\n}\n')
os.makedirs(os.path.join(d, 'wide'), exist_ok=True)
for i in range(300):
    w('wide/f%d.pol' % i, 'profile f%d {\nhides /srv/f%d\n}\n' % (i, i))
w('wide/files-300.pol', service(''.join('use f%d\n' % i for i in range(300))))
os.makedirs(os.path.join(d, 'cyc'), exist_ok=True)
w('cyc/x.pol', 'profile x {\nuse y\n}\n')
w('cyc/y.pol', 'profile y {\nuse x\n}\n')
w('cyc/files-cycle.pol', 'service a {\nexec /usr/bin/x\nuse x\n}\n')

# Garbage.
w('random-1MiB.pol', bytes(rnd.getrandbits(8) for _ in range(1 << 20)))
w('random-no-nul-1MiB.pol', bytes(rnd.randrange(1, 256) for _ in range(1 << 20)))
w('random-ascii-1MiB.pol', bytes(rnd.choice(b' \n\t{};"#/\\abcxyz019=@%$') for _ in range(1 << 20)))
soup = ['service', 'profile', '{', '}', ';', '\n', 'exec', 'use', 'needs', 'writes', '"x"', '/a',
        '1', 'after', 'network', 'outbound', 'to', 'port', 'listens', 'on', 'via', 'from',
        'directive', 'Service', '#', 'capability', 'user', 'group', 'start', 'install', '~/x']
w('keyword-soup-300k.pol', ' '.join(rnd.choice(soup) for _ in range(300000)))
w('keyword-soup-lines.pol', ''.join('service a {\n' + ' '.join(rnd.choice(soup[4:]) for _ in range(6)) + '\n}\n' for _ in range(20000)))
w('nuls.pol', b'service a {\n' + b'\0' * 100000 + b'\n}\n')
w('invalid-utf8.pol', b'service a {\nexec /usr/bin/x\n' + b'description \xff\xfe\xc3\n' * 100000 + b'}\n')
w('control-chars.pol', b'service a {\nexec /usr/bin/x\n' + b''.join(b'description \x1b[31m%d\x07\n' % i for i in range(10000)) + b'}\n')
w('crlf-100k.pol', 'service a {\r\nexec /usr/bin/x\r\n' + 'reads /srv/x\r\n' * 100000 + '}\r\n')
w('bom.pol', b'\xef\xbb\xbfservice a {\nexec /usr/bin/x\n}\n')
os.makedirs(os.path.join(d, 'folder.pol'), exist_ok=True)
