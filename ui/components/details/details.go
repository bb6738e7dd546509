// Package details draws a segment's details (/segments/details): its
// description, tags, teams and timestamps.
package details

import (
	"strings"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/themes"
	"github.com/segdash/segdash/ui/common"
	"github.com/segdash/segdash/ui/output"
)

// Lines are the details of seg in lines of at most w cells. d is nil while
// loading.
func Lines(seg client.Segment, d *client.Details, err error, st *themes.Styles, w int) []string {
	out := []string{" " + st.Title.Render(output.Truncate(output.SafeText(seg.Name), w-2)), " " + st.Subtle.Render(output.SafeText(seg.ID)), ""}
	switch {
	case err != nil:
		out = append(out, " "+st.Error.Render("could not load details"))
		out = append(out, common.Wrap(output.SafeText(err.Error()), w-2)...)
	case d == nil:
		out = append(out, st.Subtle.Render(" loading details…"))
	default:
		field := func(name, value string) {
			if value == "" {
				value = "—"
			}
			lines := common.Wrap(output.SafeText(value), w-14)
			for i, l := range lines {
				label := ""
				if i == 0 {
					label = name
				}
				out = append(out, " "+st.Header.Render(output.PadRight(label, 11))+" "+l)
			}
		}
		desc := d.Description
		if desc == "" {
			desc = d.TextDescription
		}
		field("description", desc)
		field("tags", strings.Join(d.Tags, ", "))
		field("teams", strings.Join(d.Teams, ", "))
		field("created", stamp(d.CreatedAt))
		field("updated", stamp(d.UpdatedAt))
		tracking := "on"
		if !seg.AnalyticsTrackingEnabled {
			tracking = "off (Braze keeps no size history)"
		}
		field("tracking", tracking)
	}
	return append(out, "", st.Subtle.Render(" esc or d closes"))
}

func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02 15:04 UTC")
}
