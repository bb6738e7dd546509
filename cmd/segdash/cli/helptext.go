package cli

// This file holds the long help and the examples of the one-shot and
// configuration commands, as help, the man page and the docs show them.

// CheckLong is the long help of `segdash check`.
const CheckLong = `check fetches the daily size series of each SEGMENT (a segment id, or an exact
name, case-insensitive) and prints it. With --min or --max-drop it checks thresholds;
with --rules it evaluates the config file's alert rules (as scan does) for the
segments named, and each rule that fires is a breach.

A SEGMENT that cannot be checked (unknown, ambiguous, untracked, or its
request failed) is reported on stderr; the others are still printed and checked.

--critical-min and --critical-max-drop are the critical counterparts of --min and
--max-drop; a rule with severity: critical is critical too. --timeout bounds the
whole check.

Exit codes: 0 all good; 1 a threshold was breached or a rule fired; 2 a usage, config or API
error, a --timeout that passed, or any SEGMENT that could not be checked (this wins
over 1: a script must not read a partial check as complete).

With --format nagios the exit code is the plugin state instead: 0 OK, 1 WARNING,
2 CRITICAL, 3 UNKNOWN (usage, config or API errors, segments that could not be
checked while nothing was breached, a --timeout that passed).`

// CheckExample are the examples of `segdash check`.
const CheckExample = `  segdash check "Lapsed Users - 7 days"
  segdash check --format spark --length 7 SEGMENT_ID OTHER_ID
  segdash check --min 10000 --max-drop 5 --format json "VIP"
  segdash check --watch morning --format spark
  segdash check --rules --format nagios --watch morning
  segdash check --format nagios --timeout 50 --min 10000 --critical-min 5000 "VIP"
  segdash check --compare previous --length 90 "VIP"`

// ScanLong is the long help of `segdash scan`.
const ScanLong = `scan fetches the daily size series of every tracked segment of the workspace (or of
a tag, a watchlist or a name filter), then prints the biggest movers over the newest
day and over the window, flags anomalies, and evaluates the config file's rules.

Before it starts it states its cost in requests (series already in the cache cost
none). Ctrl+C stops it and prints what came back, saying how much is missing.

An anomaly is a newest day-over-day change far outside the segment's own usual
day-to-day variation over the window (a robust z-score; see the README).

Alerts of at least --incident-min segments that moved the same way on the same
day (sharing a tag where they have one) are grouped into an incident, listed first.
Silences from the config file mark the alerts they cover as silenced: shown, but
they change neither the exit code nor the Nagios state.

--format prometheus writes the text exposition format that node_exporter's
textfile collector reads; --output FILE writes any format to FILE atomically
(for cron). --timeout bounds the whole scan.

Exit codes: 0 nothing fired, 1 an alert that is not silenced fired (a rule or an
anomaly), 2 an error (usage, config, API, segments that could not be scanned, a
--timeout that passed). With --format nagios the exit code is the plugin state:
0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.`

// ScanExample are the examples of `segdash scan`.
const ScanExample = `  segdash scan
  segdash scan --tag retention --top 5
  segdash scan --format json > movers.json
  segdash scan --format nagios --length 30 --timeout 50
  segdash scan --format prometheus --output /var/lib/node_exporter/segdash.prom`

// SilenceLong is the long help of `segdash silence`.
const SilenceLong = `A silence quiets the alerts of a segment, a tag or a whole workspace until a day
(the last day silenced), with a reason. Silenced alerts are still shown, marked
with the reason; they change neither the exit status nor the Nagios state.
Silences live in the config file's silences: list.`

// SilenceExample are the examples of `segdash silence`.
const SilenceExample = `  segdash silence add --segment "Spike club" --for 7d --reason "import moved"
  segdash silence add --tag warehouse --until 2026-12-31 --reason "migration"
  segdash silence list`

// SilenceAddLong is the long help of `segdash silence add`.
const SilenceAddLong = `add {--segment X | --tag T | -w NAME} {--until DAY | --for 7d} --reason TEXT
writes one silence into the top-level silences: of the config file in effect (see segdash config path), where it holds in every workspace. A silence
of the same segment, tag or workspace is replaced. Comments in the file are kept.

--until is the last day silenced (UTC, the API's day); --for Nd (or Nw) ends
N days (weeks) after today. A day in the past and a missing reason are refused.`

// SilenceAddExample are the examples of `segdash silence add`.
const SilenceAddExample = `  segdash silence add --segment "Spike club" --for 7d --reason "import moved"
  segdash silence add --tag warehouse --until 2026-12-31 --reason "migration"
  segdash silence add -w eu --for 2w --reason "EU workspace migration"`

// SilenceListLong is the long help of `segdash silence list`.
const SilenceListLong = `list prints every silence of the config file: the top-level ones, which hold
in every workspace, and each workspace entry's own, marked active or expired
(UTC, the API's day). An expired silence quiets nothing; delete it from the file
when it is no longer worth keeping.`

// SilenceListExample are the examples of `segdash silence list`.
const SilenceListExample = `  segdash silence list
  segdash --config ./team.yaml silence list`

// WorkspacesLong is the long help of `segdash workspaces`.
const WorkspacesLong = `workspaces lists the workspaces of the config file (name, endpoint, where the key
comes from; never the key) and the unnamed one of the environment or the top-level
settings. With --check it sends each key one cheap request (page 0 of segments/list)
to its own endpoint and says whether it answers: ok, unauthorized, forbidden or
unreachable.

Exit codes: 0 all good; 2 a configuration error, or (with --check) a key that failed.`
