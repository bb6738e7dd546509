package config

import "strings"

// Listed is one workspace as `segdash workspaces` lists it: never the key,
// only where it comes from; Config is its configuration, or Err why it has
// none.
type Listed struct {
	Name, Endpoint, KeyFrom string
	// Default marks the default workspace.
	Default bool
	Config  Config
	Err     error
}

// ListWorkspaces lists the unnamed workspace of base (when it has a key)
// and every named one, with where its key comes from.
func ListWorkspaces(base Config) []Listed {
	var rows []Listed
	if unnamed, err := base.Select(""); err != nil || !unnamed.Demo {
		rows = append(rows, Listed{Name: "(unnamed)", Endpoint: unnamed.Endpoint, KeyFrom: unnamed.Source("api_key"),
			Default: base.DefaultWorkspace == "(unnamed)", Config: unnamed, Err: err})
	}
	for _, w := range base.Workspaces {
		r := Listed{Name: w.Name, Endpoint: endpointText(w.Endpoint, w.EndpointURL), KeyFrom: w.KeySource(), Default: w.Name == base.DefaultWorkspace}
		r.Config, r.Err = base.Select(w.Name)
		rows = append(rows, r)
	}
	return rows
}

// endpointText is an endpoint as written with the URL it resolves to,
// "US-03 (https://rest.iad-03.braze.com)", or the URL alone when it was
// written as one.
func endpointText(written, url string) string {
	if strings.EqualFold(strings.TrimRight(written, "/"), strings.TrimRight(url, "/")) {
		return url
	}
	return written + " (" + url + ")"
}
