package config

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/monitor"
	"github.com/segdash/segdash/client/safe"
)

// maxSilenceDays is the longest --for: a silence of years is a rule that
// should be removed, not a known event.
const maxSilenceDays = 366

// SilenceRequest is what `segdash silence add` was asked for, as written
// on the command line.
type SilenceRequest struct {
	Segment, Tag string
	// Workspaces are the --workspace values; at most one may be given.
	Workspaces []string
	// Until is the last day silenced (YYYY-MM-DD); For is a length from
	// today (7d, 2w). One of the two is given.
	Until, For string
	Reason     string
}

// Silence is the silence r asks for on day today, or why it cannot be
// written: every error is a usage error that names its flag.
func (r SilenceRequest) Silence(today client.Date) (monitor.Silence, error) {
	var s monitor.Silence
	targets := len(r.Workspaces)
	for _, v := range []string{r.Segment, r.Tag} {
		if v != "" {
			targets++
		}
	}
	if targets != 1 {
		return s, fmt.Errorf("give exactly one of --segment, --tag or --workspace (see segdash silence add --help)")
	}
	s.Segment, s.Tag = strings.TrimSpace(r.Segment), strings.TrimSpace(r.Tag)
	if len(r.Workspaces) == 1 {
		s.Workspace = strings.TrimSpace(r.Workspaces[0])
	}
	if s.Segment == "" && s.Tag == "" && s.Workspace == "" {
		return s, fmt.Errorf("--segment, --tag or --workspace: want a value, got none")
	}
	switch {
	case r.Until != "" && r.For != "":
		return s, fmt.Errorf("--until and --for exclude each other: give one")
	case r.Until != "":
		d, err := client.ParseDate(strings.TrimSpace(r.Until))
		if err != nil {
			return s, fmt.Errorf("--until %q: want the last day silenced as YYYY-MM-DD", safe.Text(r.Until))
		}
		s.Until = d
	case r.For != "":
		n, err := ParseDays(r.For)
		if err != nil {
			return s, fmt.Errorf("--for %q: %v", safe.Text(r.For), err)
		}
		s.Until = today.AddDays(n)
	default:
		return s, fmt.Errorf("say until when: --until YYYY-MM-DD (the last day silenced) or --for 7d")
	}
	if s.Until.Before(today) {
		return s, fmt.Errorf("--until %s is in the past (today is %s, UTC): a silence holds through its last day", s.Until, today)
	}
	s.Reason = strings.TrimSpace(r.Reason)
	if s.Reason == "" {
		return s, fmt.Errorf("--reason: say why, for whoever reads the alerts it quiets")
	}
	return s, nil
}

// ParseDays reads "7d" or "2w" as a number of days, 1..366.
func ParseDays(s string) (int, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	unit := 1
	switch {
	case strings.HasSuffix(s, "w"):
		unit, s = 7, strings.TrimSuffix(s, "w")
	case strings.HasSuffix(s, "d"):
		s = strings.TrimSuffix(s, "d")
	default:
		return 0, fmt.Errorf("want a number of days or weeks, like 7d or 2w")
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n*unit > maxSilenceDays {
		return 0, fmt.Errorf("want a number of days or weeks from 1d to %dd, like 7d or 2w", maxSilenceDays)
	}
	return n * unit, nil
}

// SilenceList is every silence of c's file with where it holds: the
// top-level ones ("every workspace"), then each workspace entry's own.
func (c Config) SilenceList() (silences []monitor.Silence, where []string) {
	for _, s := range c.Silences {
		silences, where = append(silences, s), append(where, "every workspace")
	}
	for _, ws := range c.Workspaces {
		for _, s := range ws.Silences {
			silences, where = append(silences, s), append(where, "workspace "+ws.Name)
		}
	}
	return silences, where
}
