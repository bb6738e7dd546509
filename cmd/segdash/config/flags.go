package config

import "github.com/spf13/pflag"

// RegisterGlobalFlags adds to fs the flags every subcommand shares; Resolve
// reads them through InputOf.
func RegisterGlobalFlags(fs *pflag.FlagSet) {
	fs.String("config", "", "config file (env SEGDASH_CONFIG; default: segdash/config.yaml in $XDG_CONFIG_HOME or ~/.config; see segdash config path)")
	fs.String("endpoint", "", "Braze REST endpoint: an instance name (US-03, EU-01, ...) or an https URL (env BRAZE_REST_ENDPOINT)")
	fs.String("api-key-file", "", "read the REST API key from this file instead of BRAZE_API_KEY")
	fs.Duration("cache-ttl", DefaultCacheTTL, "how long a fetched series is reused before asking the API again")
	fs.Int("concurrency", DefaultConcurrency, "most API requests in flight at once (1..16)")
	fs.Bool("fresh", false, "ask the API for everything and ignore the segment list and chunks earlier runs saved (what this run learns is still saved)")
	fs.StringArrayP("workspace", "w", nil, "the workspace to use, by its name in the config file's workspaces: (default: default_workspace; scan takes several, or all)")
}

// settingFlags are the flags Resolve reads, when a command has them.
var settingFlags = [...]string{"endpoint", "api-key-file", "theme", "length", "refresh", "cache-ttl", "concurrency"}

// OwnFlag annotates a command's flag that shares a config setting's name
// but is checked and applied by the command itself: check's and scan's
// --length reach 365 days, where the setting (the dashboard's window) stays
// 1..100.
const OwnFlag = "segdash-own-flag"

// InputOf is what Resolve reads from a command's flags (flag looks one up
// by name, nil when the command has none) for the workspace called name,
// with the environment getenv.
func InputOf(flag func(string) *pflag.Flag, getenv func(string) string, name string) Input {
	in := Input{Getenv: getenv, Flags: map[string]string{}, Workspace: name}
	if f := flag("config"); f != nil && f.Changed {
		in.ConfigFlag = f.Value.String()
	}
	for _, name := range settingFlags {
		if f := flag(name); f != nil && f.Changed && f.Annotations[OwnFlag] == nil {
			in.Flags[name] = f.Value.String()
		}
	}
	return in
}

// WorkspaceFlag is the --workspace values given, in order (flag looks one
// up by name).
func WorkspaceFlag(flag func(string) *pflag.Flag) []string {
	f := flag("workspace")
	if f == nil || !f.Changed {
		return nil
	}
	if sv, ok := f.Value.(interface{ GetSlice() []string }); ok {
		return sv.GetSlice()
	}
	return []string{f.Value.String()}
}
