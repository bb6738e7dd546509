package cli

// This file holds the long help and the examples of the dashboard, serve,
// config, cache, version and man commands.

// RootLong is the long help of `segdash` (the dashboard).
const RootLong = `segdash shows Braze segment sizes over time: a live dashboard in the terminal,
the same dashboard over SSH (segdash serve), one-shot checks for scripts (segdash check),
and a scan of the whole workspace: what changed, and what broke (segdash scan).

Credentials come from BRAZE_API_KEY (or --api-key-file), the endpoint from
BRAZE_REST_ENDPOINT (or --endpoint), or from the config file's workspaces: (pick one
with --workspace NAME / -w NAME; segdash workspaces lists them). Without a key,
segdash runs on built-in demo data.`

// ServeLong is the long help of `segdash serve`.
const ServeLong = `serve runs an SSH server: every authorised key gets the live dashboard with
"ssh -p 23234 HOST", and "ssh -p 23234 HOST check [flags] SEGMENT..." runs a one-shot
check. The Braze API keys stay on this machine.

With workspaces in the config file, every workspace is served: the SSH user name
picks it ("ssh -p 23234 eu@HOST"); another name gets default_workspace, or is
refused when there is none. A workspace's authorized_keys (in its entry) decides
who may open it; the others use --authorized-keys. A key allowed in several
workspaces gets the workspace picker (K) over exactly those; the others are
never shown to it. All sessions of a workspace share its client and cache;
workspaces share nothing. --workspace NAME serves that one workspace to every
user name.

--metrics ADDR serves Prometheus metrics at http://ADDR/metrics: a scan of every
segment of every workspace runs at start and every --scan-every (the dashboards'
S joins it rather than paying twice), and a scrape reads its newest answer and
sends no API request. The metrics hold segment names and ask for no login: bind
ADDR to loopback, or put it behind your proxy.

What the server learns of a workspace (its listing, closed 100-day chunks) is
saved in the user cache directory after each scheduled scan and at shutdown,
and loaded at the next start, so a restart does not list the workspace again.`

// ConfigLong is the long help of `segdash config`.
const ConfigLong = `config prints every setting segdash would use, and its source: the default, the
config file (with its line), the environment or a flag. The API key is never printed.

Precedence: defaults, then the config file, then the environment, then flags.

The config file is --config, else SEGDASH_CONFIG, else segdash/config.yaml in
$XDG_CONFIG_HOME (or ~/.config) on every OS; the OS's own config dir (macOS:
~/Library/Application Support, Windows: %AppData%) is read when only it has one.
segdash config path prints the one in effect; segdash config init writes a
commented template there.`

// ConfigExample are the examples of `segdash config`.
const ConfigExample = `  segdash config
  segdash config -w eu
  segdash config path
  segdash config init`

// ConfigPathLong is the long help of `segdash config path`.
const ConfigPathLong = `path prints the config file segdash reads (whether or not it exists yet: on
stderr a note says when it does not).`

// ConfigPathExample are the examples of `segdash config path`.
const ConfigPathExample = `  segdash config path
  $EDITOR "$(segdash config path)"`

// ConfigInitLong is the long help of `segdash config init`.
const ConfigInitLong = `init writes a config file with every setting, commented out, where segdash
reads it (see segdash config path). It never overwrites a file that exists.`

// ConfigInitExample are the examples of `segdash config init`.
const ConfigInitExample = `  segdash config init
  segdash --config ./segdash.yaml config init`

// CacheLong is the long help of `segdash cache`.
const CacheLong = `segdash keeps what it learns of each workspace between runs: the segment list
(names, tags, tracking; reused for an hour after it was listed, then listed again)
and the closed 100-day chunks of long windows (their days no longer change). So a
second "segdash check NAME" asks for no list, and a year's window asks only for
its newest chunk. The dashboard keeps its last series there too.

Each workspace (endpoint and API key) has a file of its own, named by a
fingerprint of the key; the key itself is never stored. A file holds at most
2,000 series and 2,000 chunks (the newest) besides the list: at most about 17 MB
for 10,000 segments, of which the list is about 1.4 MB. Processes saving at once
(dashboards, check, scan, serve) lock the file and merge what they save.

--fresh on check, scan or the dashboard asks the API for everything and ignores
what is saved (what that run learns is still saved).`

// CacheExample are the examples of `segdash cache`.
const CacheExample = `  segdash cache path
  segdash cache clear`

// CacheClearLong is the long help of `segdash cache clear`.
const CacheClearLong = `clear removes the saved data of every workspace: the next run of any command
lists the segments and fetches every chunk again. A save under way in another
process finishes first.`

// VersionLong is the long help of `segdash version`.
const VersionLong = `version prints what this binary knows of its build: the version (stamped by the
release build, else the Go module version, else dev), the commit and its time when
built from a git checkout, the Go version and the platform. segdash --version
prints the same.`

// ManLong is the long help of `segdash man`.
const ManLong = `man prints the manual page of segdash, every command and flag included, as roff,
generated from the commands themselves.`

// ManExample are the examples of `segdash man`.
const ManExample = `  segdash man | man -l -
  segdash man > /usr/local/share/man/man1/segdash.1`
