package config

import (
	"fmt"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/check"
	"github.com/segdash/segdash/client/safe"
)

// CheckRules are c's alert rules as `check --rules` evaluates them, with
// the watchlists their targets name; an error when c has none (--rules
// would check nothing).
func (c Config) CheckRules() (*check.Rules, error) {
	if len(c.Rules) == 0 {
		where := c.File
		if where == "" {
			where = "the config file"
		}
		return nil, fmt.Errorf("--rules: %s has no rules (add a `rules:` list; see segdash config --help)", safe.Text(where))
	}
	return &check.Rules{Rules: c.Rules, Watchlists: client.WatchlistEntries(c.Watchlists)}, nil
}
