package ui

import (
	"errors"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/ui/common"
	"github.com/segdash/segdash/ui/output"
)

// unlistedScreen is the dashboard while no segment list could be had (a
// cold start with the API down): what failed, in words, then what to do.
func (m *Model) unlistedScreen() []string {
	st := m.c.Styles
	err, w := m.cat.err, max(10, m.c.Width-2)
	head := "The segment list could not be loaded: "
	if errors.Is(err, client.ErrTransport) {
		head = "Cannot reach the Braze API: "
	}
	out := []string{""}
	for _, l := range common.Wrap(head+common.ShortError(err), w) {
		out = append(out, " "+st.Error.Render(l))
	}
	out = append(out, "")
	var todo []string
	switch {
	case errors.Is(err, client.ErrTransport):
		todo = []string{"check the network, and that the endpoint is your workspace's REST endpoint",
			"(BRAZE_REST_ENDPOINT or --endpoint: an https URL or an instance name such as US-03)"}
	case errors.Is(err, client.ErrRateLimited):
		todo = []string{"Braze's rate limit is used up: the status bar counts down to the next try"}
	case errors.Is(err, client.ErrServer):
		todo = []string{"Braze answered with a server error: this usually passes"}
	default:
		todo = []string{"if this persists, run segdash check SEGMENT_ID for the full error"}
	}
	for _, t := range todo {
		for _, l := range common.Wrap(t, w) {
			out = append(out, " "+l)
		}
	}
	if src := m.opts.Source; src != "" {
		out = append(out, "", " "+st.Subtle.Render("endpoint: "+output.SafeText(src)))
	}
	next := "segdash tries again on every refresh; R tries now, q quits"
	if m.cat.listing {
		next = "trying again…"
	}
	return append(out, "", " "+st.Subtle.Render(next))
}
