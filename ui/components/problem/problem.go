// Package problem draws the screens shown instead of the dashboard when
// there is nothing to show: Braze refused the key, or no segment list
// could be had. Each says what failed, in words, and what to do.
package problem

import (
	"errors"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/themes"
	"github.com/segdash/segdash/ui/common"
	"github.com/segdash/segdash/ui/output"
)

// Auth explains a 401 or 403 in width cells: what Braze said, what to
// check, the endpoint (source) and what segdash does next. keyFrom names
// where the key came from, if known.
func Auth(err error, keyFrom, source string, st *themes.Styles, width int) []string {
	var ce *client.Error
	errors.As(err, &ce)
	out := []string{st.Error.Render("Braze refused segdash's API key"), ""}
	out = append(out, common.Wrap(output.SafeText(err.Error()), width-2)...)
	out = append(out, "")
	if errors.Is(err, client.ErrForbidden) {
		perm := "segments.list, segments.data_series, segments.details"
		if ce != nil && ce.Permission != "" {
			perm = ce.Permission
		}
		out = append(out, "What to check:")
		out = append(out, bullet("the key's permissions in Braze (Settings › APIs and Identifiers): it needs "+perm, width)...)
		out = append(out, bullet("that the Braze account is active", width)...)
	} else {
		key := "BRAZE_API_KEY (or --api-key-file)"
		if keyFrom != "" {
			key = "the key from " + output.SafeText(keyFrom)
		}
		out = append(out, "What to check:")
		out = append(out, bullet(key+" holds a REST API key of this workspace", width)...)
		out = append(out, bullet("the endpoint is the workspace's instance (US-03, EU-01, …): a key sent to another instance is refused the same way", width)...)
	}
	src := source
	if src == "" {
		src = "(unknown)"
	}
	return append(out, "", st.Subtle.Render("endpoint: "+src),
		st.Subtle.Render("segdash retries on every refresh; R retries now, q quits."))
}

// Unlisted is the dashboard while no segment list could be had (a cold
// start with the API down), in width cells: what failed (err), in words,
// then what to do; retrying says a listing is under way again.
func Unlisted(err error, source string, retrying bool, st *themes.Styles, width int) []string {
	w := max(10, width-2)
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
	if src := source; src != "" {
		out = append(out, "", " "+st.Subtle.Render("endpoint: "+output.SafeText(src)))
	}
	next := "segdash tries again on every refresh; R tries now, q quits"
	if retrying {
		next = "trying again…"
	}
	return append(out, "", " "+st.Subtle.Render(next))
}

// bullet wraps text as a list item of width cells: "  • " on its first
// line, the rest indented under the text.
func bullet(text string, width int) []string {
	lines := common.Wrap(text, max(width-4, 10))
	for i := range lines {
		if i == 0 {
			lines[i] = "  • " + lines[i]
		} else {
			lines[i] = "    " + lines[i]
		}
	}
	return lines
}
