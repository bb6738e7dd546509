package config

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/monitor"
)

// workspaceSettings are the settings a `workspaces:` entry may hold.
var workspaceSettings = [...]string{"endpoint", "api_key_file", "api_key_env", "authorized_keys", "watchlists", "rules", "silences"}

// workspaceName is what a workspace may be called: it is also an SSH user
// name and a CSV cell, so plain characters only.
var workspaceName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)

// Workspace is one named entry of the config file's `workspaces:`: a
// Braze workspace, its key's source and its own watchlists and rules. The
// key itself is read only when the workspace is used (Config.Select).
type Workspace struct {
	Name string
	// Line is the line of the workspace's name in the config file.
	Line int
	// Endpoint is the instance name or URL as written; EndpointURL is it
	// resolved.
	Endpoint    string
	EndpointURL string
	// KeyFile or KeyEnv is where the key comes from (exactly one is set).
	KeyFile string
	KeyEnv  string
	// AuthorizedKeys is the authorized_keys file of `segdash serve` for
	// this workspace ("" = the server's --authorized-keys).
	AuthorizedKeys string
	Watchlists     []client.Watchlist
	Rules          []monitor.Rule
	// Silences are the entry's own silences; the top-level ones hold too.
	Silences   []monitor.Silence
	watchLines map[string]int
	lines      map[string]int // line of each setting
}

// KeySource says where the workspace's key comes from, for humans.
func (w Workspace) KeySource() string {
	if w.KeyEnv != "" {
		return "env " + w.KeyEnv
	}
	return "file " + w.KeyFile
}

// KeySetting says where the key comes from and which setting says so, for
// advice on a refused key: "env BRAZE_EU_KEY (api_key_env of workspace eu)".
func (w Workspace) KeySetting() string {
	setting := "api_key_file"
	if w.KeyEnv != "" {
		setting = "api_key_env"
	}
	return fmt.Sprintf("%s (%s of workspace %s)", w.KeySource(), setting, w.Name)
}

// parseWorkspaces reads `workspaces:`: a mapping of names to entries.
// Every error names the workspace, the file and the line.
func (cf *configFile) parseWorkspaces(v *yaml.Node) error {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return nil
	}
	if v.Kind != yaml.MappingNode {
		return fileError(cf.path, v.Line, "workspaces: want a mapping of names to workspaces (each with %s)", strings.Join(workspaceSettings[:], ", "))
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, e := v.Content[i], v.Content[i+1]
		name := k.Value
		if !workspaceName.MatchString(name) || name == "all" {
			return fileError(cf.path, k.Line, "workspaces: %q: a workspace name is letters, digits, '.', '_' and '-', starting with a letter or digit, and not \"all\" (it is also the SSH user name)", excerpt(k.Value))
		}
		if slices.ContainsFunc(cf.workspaces, func(w Workspace) bool { return w.Name == name }) {
			return fileError(cf.path, k.Line, "workspaces: %q is defined twice", excerpt(name))
		}
		w, err := cf.parseWorkspace(name, k.Line, e)
		if err != nil {
			return err
		}
		cf.workspaces = append(cf.workspaces, w)
	}
	return nil
}

func (cf *configFile) parseWorkspace(name string, line int, e *yaml.Node) (Workspace, error) {
	w := Workspace{Name: name, Line: line, lines: map[string]int{}}
	label := fmt.Sprintf("workspace %q", excerpt(name))
	if e.Kind != yaml.MappingNode {
		return w, fileError(cf.path, e.Line, "%s: want a mapping of %s", label, strings.Join(workspaceSettings[:], ", "))
	}
	// Watchlists and rules are parsed as a file of their own, so that the
	// same code checks them; its errors get the workspace's name.
	sub := &configFile{path: cf.path, values: map[string]fileValue{}}
	for i := 0; i+1 < len(e.Content); i += 2 {
		k, v := e.Content[i], e.Content[i+1]
		if _, dup := w.lines[k.Value]; dup {
			return w, fileError(cf.path, k.Line, "%s: %s is set twice", label, k.Value)
		}
		w.lines[k.Value] = v.Line
		var err error
		switch k.Value {
		case "watchlists":
			err = sub.parseWatchlists(v)
		case "rules":
			err = sub.parseRules(v)
		case "silences":
			err = sub.parseSilences(v)
		case "endpoint", "api_key_file", "api_key_env", "authorized_keys":
			if v.Kind != yaml.ScalarNode || strings.TrimSpace(v.Value) == "" {
				return w, fileError(cf.path, v.Line, "%s: %s: want a single value", label, k.Value)
			}
			err = w.set(cf.path, label, k.Value, strings.TrimSpace(v.Value), v.Line)
		case "api_key", "apikey", "key":
			return w, fileError(cf.path, k.Line, "%s: %s: the API key itself does not belong in the config file; name a file holding it with api_key_file (chmod 600), or an environment variable with api_key_env", label, k.Value)
		default:
			return w, fileError(cf.path, k.Line, "%s: unknown setting %q; valid settings: %s", label, excerpt(k.Value), strings.Join(workspaceSettings[:], ", "))
		}
		if err != nil {
			if !strings.Contains(err.Error(), label) {
				err = fmt.Errorf("%s: %w", label, err)
			}
			return w, err
		}
	}
	if err := sub.checkRuleWatchlists(); err != nil {
		return w, fmt.Errorf("%s: %w", label, err)
	}
	for _, ref := range sub.silenceWorkspaces {
		if ref.workspace != name {
			return w, fileError(cf.path, ref.line, "%s: silence: workspace %q: a silence in a workspace's entry holds only in that workspace; silence another one in the top-level silences", label, excerpt(ref.workspace))
		}
	}
	w.Watchlists, w.watchLines, w.Rules, w.Silences = sub.watchlists, sub.watchLines, sub.rules, sub.silences
	switch {
	case w.Endpoint == "":
		return w, fileError(cf.path, line, "%s: no endpoint: set endpoint to your instance (%s) or its https URL", label, client.Instances())
	case w.KeyFile == "" && w.KeyEnv == "":
		return w, fileError(cf.path, line, "%s: no key: set api_key_file (a file holding the key, chmod 600) or api_key_env (an environment variable holding it)", label)
	case w.KeyFile != "" && w.KeyEnv != "":
		return w, fileError(cf.path, w.lines["api_key_env"], "%s: api_key_file and api_key_env exclude each other: give one", label)
	}
	return w, nil
}

// set takes one scalar setting of a workspace entry.
func (w *Workspace) set(path, label, key, v string, line int) error {
	switch key {
	case "endpoint":
		if client.LooksLikeKey(v) {
			return fileError(path, line, "%s: endpoint: the value looks like an API key (not shown), not an instance (%s) or an https URL", label, client.Instances())
		}
		u, err := client.ResolveEndpoint(v)
		if err != nil {
			return fileError(path, line, "%s: endpoint: %v", label, err)
		}
		w.Endpoint, w.EndpointURL = v, u.String()
	case "api_key_file":
		if client.LooksLikeKey(v) {
			return fileError(path, line, "%s: api_key_file: %s", label, keyFileIsKey)
		}
		w.KeyFile = expandHome(v)
	case "api_key_env":
		if client.LooksLikeKey(v) {
			return fileError(path, line, "%s: api_key_env: the value looks like an API key itself (not shown), not the name of an environment variable: put the key in a variable (like BRAZE_EU_KEY) and name the variable here", label)
		}
		if !envName.MatchString(v) {
			return fileError(path, line, "%s: api_key_env: want the name of an environment variable (like BRAZE_EU_KEY), got %q", label, excerpt(v))
		}
		w.KeyEnv = v
	case "authorized_keys":
		w.AuthorizedKeys = expandHome(v)
	}
	return nil
}

// checkDefaultWorkspace checks that default_workspace names a workspace.
func (cf *configFile) checkDefaultWorkspace() error {
	v, ok := cf.values["default_workspace"]
	if !ok {
		return nil
	}
	if !slices.ContainsFunc(cf.workspaces, func(w Workspace) bool { return w.Name == v.raw }) {
		return fileError(cf.path, v.line, "default_workspace: no workspace %q; %s", excerpt(v.raw), workspaceNames(cf.workspaces))
	}
	return nil
}

// workspaceNames lists the names for an error message.
func workspaceNames(ws []Workspace) string {
	if len(ws) == 0 {
		return "the config file defines no workspaces"
	}
	names := make([]string, len(ws))
	for i, w := range ws {
		names[i] = w.Name
	}
	return "the workspaces are: " + strings.Join(names, ", ")
}

// WorkspaceNames are the names of the configured workspaces, in file order.
func (c Config) WorkspaceNames() []string {
	names := make([]string, len(c.Workspaces))
	for i, w := range c.Workspaces {
		names[i] = w.Name
	}
	return names
}

// ErrUnknownWorkspace is the error of Select for a name the config file
// does not define.
var ErrUnknownWorkspace = errors.New("unknown workspace")

// Select returns the configuration for the workspace called name: its
// endpoint, key, watchlists and rules, with every other setting shared.
// "" is the unnamed workspace: the top-level settings or the environment.
// A named workspace's key comes only from its own entry, never from
// BRAZE_API_KEY, so one workspace's key never reaches another's endpoint.
func (c Config) Select(name string) (Config, error) {
	out, err := c.selectWorkspace(name)
	var ambient string
	if c.getenv != nil {
		ambient = c.getenv("BRAZE_API_KEY")
	}
	return out, scrub(err, ambient, out.APIKey)
}

// selectWorkspace is Select before its errors are scrubbed of keys.
func (c Config) selectWorkspace(name string) (Config, error) {
	if c.base == nil {
		return c, errors.New("config: Select needs a configuration made by Resolve")
	}
	out := *c.base
	out.base, out.HidePaths = c.base, c.HidePaths
	out.Sources = make(map[string]string, len(c.base.Sources))
	for k, v := range c.base.Sources {
		out.Sources[k] = v
	}
	out.Warnings = slices.Clone(c.base.Warnings)
	if name == "" {
		if err := out.resolveKey(out.rawEndpoint); err != nil {
			return out, err
		}
		if out.Demo && out.File != "" {
			return out, out.useDemoWatchlists()
		}
		return out, nil
	}
	i := slices.IndexFunc(c.Workspaces, func(w Workspace) bool { return w.Name == name })
	if i < 0 {
		return out, fmt.Errorf("%w %q; %s", ErrUnknownWorkspace, excerpt(name), workspaceNames(c.Workspaces))
	}
	w := c.Workspaces[i]
	label := fmt.Sprintf("workspace %q (%s:%d)", w.Name, c.File, w.Line)
	out.Workspace, out.Demo, out.AuthorizedKeys = w.Name, false, w.AuthorizedKeys
	out.Endpoint, out.APIKey, out.APIKeyFile = w.EndpointURL, "", w.KeyFile
	out.Sources["endpoint"] = fmt.Sprintf("file:%d", w.lines["endpoint"])
	if w.KeyEnv != "" {
		out.Sources["api_key"] = "env " + w.KeyEnv
		out.APIKey = strings.TrimSpace(c.getenv(w.KeyEnv))
		if out.APIKey == "" {
			return out, fmt.Errorf("%s: api_key_env: the environment variable %s is not set (or empty)", label, w.KeyEnv)
		}
	} else {
		out.Sources["api_key"] = fmt.Sprintf("file:%d", w.lines["api_key_file"])
		key, warn, err := ReadKeyFile(w.KeyFile, fmt.Sprintf("%s:%d", c.File, w.lines["api_key_file"]))
		if err != nil {
			return out, fmt.Errorf("%s: %w", label, err)
		}
		out.APIKey = key
		if warn != "" {
			out.Warnings = append(out.Warnings, warn)
		}
	}
	if err := client.CheckKey(out.APIKey); err != nil {
		return out, fmt.Errorf("%s: %w; check %s", label, err, w.KeySource())
	}
	out.WatchlistFile, out.Watchlists, out.watchLines, out.Rules = c.File, w.Watchlists, w.watchLines, w.Rules
	out.Silences = append(slices.Clone(c.base.Silences), w.Silences...)
	return out, nil
}
