#!/usr/bin/env python3
"""Check the Flatpak manifest against what the build really installs.

No Flatpak runtime can be downloaded where the tests run, so the manifest
is never built here.  What can be checked is checked: that the manifest
asks for the runtime, sandbox and pinned sources we mean, and that a
`meson install` of this very build tree produces every file the manifest,
the desktop file and the metainfo name.  A broken reference there is what
makes a Flathub build or its linter fail.

Usage: check-manifest.py SOURCE_ROOT BUILD_ROOT [--manifest M] [--meson CMD]
Output: TAP.

Copyright 2026 The Specwright developers
SPDX-License-Identifier: GPL-3.0-or-later
"""

import argparse
import glob
import json
import os
import re
import shlex
import signal
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

APP_ID = 'io.github.specwright.Specwright'
GETTEXT_DOMAIN = 'specwright'
CMARK_TAG = '0.29.0.gfm.13'
CMARK_URLS = ('https://github.com/github/cmark-gfm',
              'https://github.com/github/cmark-gfm.git')
MIN_RUNTIME_VERSION = 48

# The sandbox: a GUI on Wayland (X11 only as fallback) with GPU access.
# Documents come and go through the file chooser portal, so there is no
# filesystem access, and no bus names beyond the app's own.
FINISH_ARGS = {'--share=ipc', '--socket=wayland', '--socket=fallback-x11',
               '--device=dri'}
# Named separately so that a failure says exactly what crept in.
FORBIDDEN_PREFIXES = ('--filesystem', '--talk-name', '--system-talk-name',
                      '--own-name', '--socket=session-bus',
                      '--socket=system-bus', '--socket=x11', '--device=all',
                      '--share=network')

BINARIES = ('specwright', 'specwright-check')

HEX40 = re.compile(r'^[0-9a-f]{40}$')
HEX64 = re.compile(r'^[0-9a-f]{64}$')
# Source types that point into this repository and so need no checksum.
LOCAL_SOURCE_TYPES = {'dir', 'patch', 'script', 'shell', 'inline'}


class Tap:
    """Collects results and prints them as one TAP stream at the end."""

    def __init__(self):
        self.results = []

    def check(self, ok, name, diagnostics=()):
        self.results.append((bool(ok), name, list(diagnostics)))

    def emit(self):
        print(f'1..{len(self.results)}')
        for number, (ok, name, diagnostics) in enumerate(self.results, 1):
            print(f'{"ok" if ok else "not ok"} {number} - {name}')
            # What was found matters only when it was not what we wanted.
            for line in diagnostics if not ok else []:
                print(f'# {line}')
        sys.stdout.flush()
        return 0 if all(ok for ok, _, _ in self.results) else 1


# --- Reading the manifest -------------------------------------------------

def load_json(path):
    with open(path, encoding='utf-8') as f:
        return json.load(f)


def expand_sources(sources, base_dir):
    """A string in "sources" names a JSON file holding one or more sources."""
    for source in sources or []:
        if isinstance(source, str):
            loaded = load_json(os.path.join(base_dir, source))
            yield from loaded if isinstance(loaded, list) else [loaded]
        else:
            yield source


def walk_modules(modules, base_dir):
    """Every module, nested ones included; a string names a module file."""
    for module in modules or []:
        module_dir = base_dir
        if isinstance(module, str):
            path = os.path.join(base_dir, module)
            module_dir = os.path.dirname(path)
            module = load_json(path)
        yield module, module_dir
        yield from walk_modules(module.get('modules'), module_dir)


def cmake_defines(config_opts):
    """-DNAME=VALUE and -DNAME:TYPE=VALUE, keyed by NAME."""
    defines = {}
    for opt in config_opts or []:
        match = re.match(r'^-D([A-Za-z0-9_]+)(?::[A-Z]+)?=(.*)$', opt)
        if match:
            defines[match.group(1)] = match.group(2)
    return defines


def cmake_bool(value):
    """CMake's own reading of a boolean, or None when it is not one."""
    if value is None:
        return None
    upper = value.upper()
    if upper in ('ON', 'TRUE', 'YES', 'Y', '1'):
        return True
    if upper in ('OFF', 'FALSE', 'NO', 'N', '0', ''):
        return False
    return None


def source_unpinned(source):
    """Why a source is not pinned to exact bytes, or None when it is."""
    kind = source.get('type')
    if kind in LOCAL_SOURCE_TYPES:
        return None
    if kind == 'git':
        missing = []
        if not source.get('tag'):
            missing.append('a "tag"')
        if not HEX40.match(str(source.get('commit', ''))):
            missing.append('a full 40-hex "commit"')
        return ' and '.join(missing) + ' missing' if missing else None
    if kind in ('archive', 'file'):
        if 'path' in source and 'url' not in source:
            return None
        if HEX64.match(str(source.get('sha256', ''))):
            return None
        return 'no sha256'
    return f'type {kind!r} is not one this test knows how to check'


def check_manifest_basics(tap, manifest):
    tap.check(manifest.get('id') == APP_ID,
              f'"id" is {APP_ID}', [f'got {manifest.get("id")!r}'])
    runtime_ok = manifest.get('runtime') == 'org.gnome.Platform'
    try:
        version_ok = float(manifest.get('runtime-version')) >= MIN_RUNTIME_VERSION
    except (TypeError, ValueError):
        version_ok = False  # "master" or a missing version is not a release
    tap.check(runtime_ok and version_ok,
              f'runtime org.gnome.Platform, runtime-version >= {MIN_RUNTIME_VERSION}',
              [f'got {manifest.get("runtime")!r} {manifest.get("runtime-version")!r}'])
    tap.check(manifest.get('sdk') == 'org.gnome.Sdk', 'sdk is org.gnome.Sdk',
              [f'got {manifest.get("sdk")!r}'])
    tap.check(manifest.get('command') == 'specwright', 'command is specwright',
              [f'got {manifest.get("command")!r}'])


def check_finish_args(tap, manifest):
    args = manifest.get('finish-args', [])
    exact = isinstance(args, list) and len(args) == len(FINISH_ARGS) \
        and set(args) == FINISH_ARGS
    tap.check(exact, 'finish-args are exactly ' + ' '.join(sorted(FINISH_ARGS)),
              [f'got {args!r}'])
    forbidden = [a for a in args if str(a).startswith(FORBIDDEN_PREFIXES)]
    tap.check(not forbidden,
              'no filesystem access, bus names, network or plain X11 in finish-args',
              [f'forbidden: {a}' for a in forbidden])


def check_sources_pinned(tap, modules):
    problems = []
    for module, module_dir in modules:
        for source in expand_sources(module.get('sources'), module_dir):
            why = source_unpinned(source)
            if why:
                problems.append(f'{module.get("name")}: {source.get("url", source)}: {why}')
    tap.check(not problems, 'every module source is pinned (git tag + commit, sha256)',
              problems)


def find_module(modules, name):
    for module, module_dir in modules:
        if module.get('name') == name:
            return module, module_dir
    return None, None


def check_cmark_module(tap, modules):
    module, module_dir = find_module(modules, 'cmark-gfm')
    if module is None:
        tap.check(False, f'cmark-gfm module: tag {CMARK_TAG}, cmake-ninja',
                  ['no module named cmark-gfm'])
        tap.check(False, 'cmark-gfm module: tests off, shared library on',
                  ['no module named cmark-gfm'])
        return
    git = [s for s in expand_sources(module.get('sources'), module_dir)
           if s.get('type') == 'git']
    tags = [s.get('tag') for s in git]
    urls = [s.get('url') for s in git]
    tap.check(len(git) == 1 and tags == [CMARK_TAG] and urls[0] in CMARK_URLS
              and module.get('buildsystem') == 'cmake-ninja',
              f'cmark-gfm module: tag {CMARK_TAG} of github/cmark-gfm, cmake-ninja',
              [f'tags {tags!r}, urls {urls!r}, buildsystem {module.get("buildsystem")!r}'])

    defines = cmake_defines(module.get('config-opts'))
    # 0.29.0.gfm.13 reads CTest's BUILD_TESTING; CMARK_TESTS is the switch of
    # older releases, harmless here but it must not say the opposite.
    tests_off = cmake_bool(defines.get('BUILD_TESTING')) is False \
        and cmake_bool(defines.get('CMARK_TESTS', 'OFF')) is False
    shared_on = cmake_bool(defines.get('CMARK_SHARED')) is True
    tap.check(tests_off and shared_on,
              'cmark-gfm module: tests off (-DBUILD_TESTING=OFF), shared library on',
              [f'config-opts {module.get("config-opts")!r}'])


def check_app_module(tap, manifest, modules):
    top = manifest.get('modules') or []
    module, module_dir = find_module(modules, 'specwright')
    sources = list(expand_sources(module.get('sources'), module_dir)) if module else []
    # Last, so that cmark-gfm is installed in /app before meson looks for it.
    last = bool(top) and isinstance(top[-1], dict) and top[-1].get('name') == 'specwright'
    tap.check(module is not None and last and module.get('buildsystem') == 'meson'
              and any(s.get('type') == 'dir' for s in sources),
              'app module "specwright" is last, built with meson from a "dir" source',
              [f'module {module!r}'])


def check_app_config_opts(tap, modules, build_options):
    """Meson stops at an unknown -D option, so each one must exist."""
    module, _ = find_module(modules, 'specwright')
    opts = (module or {}).get('config-opts') or []
    known = {o['name'] for o in build_options or []}
    unknown = []
    for opt in opts:
        match = re.match(r'^-D([^=]+)=', opt)
        if match and match.group(1) not in known:
            unknown.append(opt)
    tap.check(build_options is not None and not unknown,
              'the app module\'s -D options are all options this project knows',
              [f'unknown: {o}' for o in unknown] if build_options is not None
              else ['could not read the build options'])


# --- Installing and looking at the result ---------------------------------

def meson_cmd(args):
    return [args.meson] if args.meson else ['meson']


def read_build_options(args):
    result = subprocess.run(meson_cmd(args) + ['introspect', args.build_root,
                                               '--buildoptions'],
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        return None
    return json.loads(result.stdout)


def install_dirs(build_options, destdir):
    """Where bin/, share/ and the locales end up under DESTDIR."""
    values = {o['name']: o['value'] for o in build_options}
    prefix = values.get('prefix', '/usr/local')

    def under_destdir(option, default):
        path = values.get(option, default)
        if not os.path.isabs(path):
            path = os.path.join(prefix, path)
        return os.path.join(destdir, os.path.relpath(path, os.sep))

    return {
        'root': destdir,
        'bin': under_destdir('bindir', 'bin'),
        'share': under_destdir('datadir', 'share'),
        'locale': under_destdir('localedir', 'share/locale'),
    }


def meson_install(args, destdir):
    result = subprocess.run(meson_cmd(args) + ['install', '-C', args.build_root,
                                               '--destdir', destdir,
                                               '--no-rebuild', '--quiet'],
                            capture_output=True, text=True, check=False)
    output = (result.stdout + result.stderr).splitlines()
    return result.returncode == 0, output[-20:]


def is_installed(path, executable=False):
    if executable:
        return os.path.isfile(path) and os.access(path, os.X_OK)
    return os.path.isfile(path)


def read_linguas(source_root):
    """The languages of po/LINGUAS: whitespace-separated, # starts a comment."""
    path = os.path.join(source_root, 'po', 'LINGUAS')
    langs = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            langs.extend(line.split('#', 1)[0].split())
    return langs


def parse_desktop_file(path):
    """{group: {key: value}}; enough of the Desktop Entry format for Exec/Icon."""
    groups, current = {}, None
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith('#'):
                continue
            if line.startswith('[') and line.endswith(']'):
                current = groups.setdefault(line[1:-1], {})
            elif '=' in line and current is not None:
                key, value = line.split('=', 1)
                current[key.strip()] = value.strip()
    return groups


def check_installed_files(tap, dirs, source_root):
    share = dirs['share']
    for name in BINARIES:
        path = os.path.join(dirs['bin'], name)
        tap.check(is_installed(path, executable=True), f'bin/{name} is installed',
                  [f'missing: {path}'])

    expected = [
        ('applications', f'{APP_ID}.desktop'),
        ('metainfo', f'{APP_ID}.metainfo.xml'),
        ('icons/hicolor/scalable/apps', f'{APP_ID}.svg'),
        ('icons/hicolor/symbolic/apps', f'{APP_ID}-symbolic.svg'),
        ('glib-2.0/schemas', f'{APP_ID}.gschema.xml'),
    ]
    for subdir, name in expected:
        path = os.path.join(share, subdir, name)
        tap.check(is_installed(path), f'share/{subdir}/{name} is installed',
                  [f'missing: {path}'])

    # The built-in templates are whatever .md files templates/ holds.
    templates = sorted(os.path.basename(p) for p in
                       glob.glob(os.path.join(source_root, 'templates', '*.md')))
    missing = [t for t in templates if not is_installed(
        os.path.join(share, GETTEXT_DOMAIN, 'templates', t))]
    tap.check(templates and not missing,
              f'the {len(templates)} built-in templates are installed in '
              f'share/{GETTEXT_DOMAIN}/templates',
              [f'missing: {t}' for t in missing] or ['no templates/*.md in the source'])

    langs = read_linguas(source_root)
    missing = [lang for lang in langs if not is_installed(os.path.join(
        dirs['locale'], lang, 'LC_MESSAGES', f'{GETTEXT_DOMAIN}.mo'))]
    tap.check(not missing,
              f'a {GETTEXT_DOMAIN}.mo is installed for each of the {len(langs)} '
              f'languages in po/LINGUAS',
              [f'missing: {lang}' for lang in missing])


def check_metainfo(tap, dirs):
    path = os.path.join(dirs['share'], 'metainfo', f'{APP_ID}.metainfo.xml')
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as e:
        for name in ('id', 'launchable', 'binaries'):
            tap.check(False, f'metainfo {name}', [f'cannot read {path}: {e}'])
        return

    tap.check(root.findtext('id') == APP_ID, f'metainfo <id> is {APP_ID}',
              [f'got {root.findtext("id")!r}'])

    launchables = [l.text for l in root.findall('launchable')
                   if l.get('type') == 'desktop-id']
    missing = [l for l in launchables if not is_installed(
        os.path.join(dirs['share'], 'applications', l or ''))]
    tap.check(launchables and not missing,
              'metainfo <launchable type="desktop-id"> names the installed desktop file',
              [f'launchables {launchables!r}, not installed {missing!r}'])

    binaries = [b.text for b in root.findall('provides/binary')]
    missing = [b for b in binaries if not is_installed(
        os.path.join(dirs['bin'], b or ''), executable=True)]
    tap.check(binaries and not missing,
              'every metainfo <provides><binary> is installed in bin/',
              [f'binaries {binaries!r}, not installed {missing!r}'])


def check_desktop_translated(tap, dirs, source_root):
    """Each language of po/LINGUAS names and finds the app in its words."""
    path = os.path.join(dirs['share'], 'applications', f'{APP_ID}.desktop')
    try:
        entry = parse_desktop_file(path).get('Desktop Entry', {})
    except OSError as e:
        entry = {}
    langs = read_linguas(source_root)
    missing = [f'{key}[{lang}]' for lang in langs for key in ('Name', 'Comment', 'Keywords')
               if key + f'[{lang}]' not in entry]
    bad = [f'Keywords[{lang}]' for lang in langs
           if not entry.get(f'Keywords[{lang}]', ';').endswith(';')]
    tap.check(not missing and not bad,
              f'the desktop file is translated into the {len(langs)} languages of po/LINGUAS',
              missing + [f'{key} does not end with ";"' for key in bad])


def check_desktop_file(tap, dirs, manifest):
    path = os.path.join(dirs['share'], 'applications', f'{APP_ID}.desktop')
    try:
        groups = parse_desktop_file(path)
    except OSError as e:
        for name in ('Icon', 'Exec', 'DBusActivatable', 'command'):
            tap.check(False, f'desktop file {name}', [f'cannot read {path}: {e}'])
        return
    entry = groups.get('Desktop Entry', {})

    icon = entry.get('Icon', '')
    icons = glob.glob(os.path.join(glob.escape(dirs['share']), 'icons', 'hicolor',
                                   '*', 'apps', glob.escape(icon) + '.*'))
    tap.check(icon == APP_ID and icons,
              'the desktop file\'s Icon= is the app id and that icon is installed',
              [f'Icon={icon!r}'])

    # Every Exec=, the actions' too: each is a way in that must work.
    execs = [g['Exec'] for g in groups.values() if 'Exec' in g]
    missing = []
    for line in execs:
        program = shlex.split(line)[0] if line else ''
        if os.path.isabs(program):
            where = os.path.join(dirs['root'], program.lstrip(os.sep))
        else:
            where = os.path.join(dirs['bin'], program)
        if not program or not is_installed(where, executable=True):
            missing.append(line)
    tap.check(execs and not missing,
              'the program of every Exec= in the desktop file is installed',
              [f'Exec={line}' for line in missing] or ([] if execs else ['no Exec=']))

    # D-Bus activation needs a service file this project does not install:
    # a desktop file that asks for it would not start in the sandbox.
    dbus = entry.get('DBusActivatable', 'false').lower()
    tap.check(dbus != 'true', 'the desktop file has no DBusActivatable=true',
              [f'DBusActivatable={dbus}'])

    command = manifest.get('command', '') if manifest else ''
    tap.check(is_installed(os.path.join(dirs['bin'], command), executable=True),
              f'the manifest\'s command ({command}) is installed in bin/')


def run_install_checks(tap, args, manifest, build_options):
    with tempfile.TemporaryDirectory(prefix='specwright-flatpak-') as destdir:
        ok, output = meson_install(args, destdir) if build_options is not None \
            else (False, ['could not read the build options'])
        tap.check(ok, f'meson install --destdir of {args.build_root} succeeds', output)
        dirs = install_dirs(build_options or [], destdir)
        check_installed_files(tap, dirs, args.source_root)
        check_metainfo(tap, dirs)
        check_desktop_file(tap, dirs, manifest)
        check_desktop_translated(tap, dirs, args.source_root)


# --- Main -----------------------------------------------------------------

def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('source_root')
    parser.add_argument('build_root')
    parser.add_argument('--manifest',
                        help='the manifest (default: SOURCE_ROOT/flatpak/APP_ID.json)')
    parser.add_argument('--meson', help='the meson command (default: meson on PATH)')
    args = parser.parse_args()
    if not args.manifest:
        args.manifest = os.path.join(args.source_root, 'flatpak', f'{APP_ID}.json')
    return args


def raise_exit(signum, _frame):
    # Turn a timeout's SIGTERM into an exception so that the temporary
    # directory's context manager still removes it.
    raise SystemExit(128 + signum)


def main():
    signal.signal(signal.SIGTERM, raise_exit)
    signal.signal(signal.SIGINT, raise_exit)
    args = parse_args()
    tap = Tap()

    try:
        manifest = load_json(args.manifest)
        parsed = isinstance(manifest, dict)
        error = 'not a JSON object'
    except (OSError, ValueError) as e:
        manifest, parsed, error = None, False, str(e)
    tap.check(parsed, f'{os.path.basename(args.manifest)} parses as a JSON object',
              [] if parsed else [error])
    manifest = manifest if parsed else {}

    base_dir = os.path.dirname(os.path.abspath(args.manifest))
    modules = list(walk_modules(manifest.get('modules'), base_dir))
    build_options = read_build_options(args)

    check_manifest_basics(tap, manifest)
    check_finish_args(tap, manifest)
    check_sources_pinned(tap, modules)
    check_cmark_module(tap, modules)
    check_app_module(tap, manifest, modules)
    check_app_config_opts(tap, modules, build_options)
    run_install_checks(tap, args, manifest, build_options)
    return tap.emit()


if __name__ == '__main__':
    try:
        sys.exit(main())
    except Exception as e:  # pylint: disable=broad-except
        # A crash must still read as a failure to a TAP harness.
        print(f'Bail out! {type(e).__name__}: {e}')
        sys.exit(1)
