package chartpane

import (
	"errors"

	"charm.land/lipgloss/v2"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/ui/common"
	"github.com/segdash/segdash/ui/series"
)

// What the pane says of a segment without analytics tracking: Braze keeps
// no daily sizes for it, and asking again will not change that.
const (
	trackingOff   = "Analytics tracking is off for this segment in Braze: it keeps no size history for it, so there is nothing to chart and segdash does not ask again."
	trackingZeros = "Analytics tracking is off for this segment in Braze: it keeps no size history for it, and the zeros the API sends are not its size, so there is nothing to chart."
	trackingHowTo = `To turn it on: in the Braze dashboard open the segment's settings and switch on "Analytics Tracking" (an app can track at most 25 segments); sizes are recorded from the next day on.`
)

// Untracked reports whether seg has no size history in Braze: the listing
// says tracking is off, or the series endpoint refused it for that reason.
func Untracked(seg client.Segment, st *series.State) bool {
	if !seg.AnalyticsTrackingEnabled {
		return true
	}
	return st != nil && series.IsTrackingError(st.Err)
}

// hintOf is the client's advice for err ("check the API key, …"), if any.
func hintOf(err error) string {
	var ce *client.Error
	if errors.As(err, &ce) {
		return ce.Hint()
	}
	return ""
}

// wrapIn renders s in style, wrapped to the pane's width w under a
// one-cell margin.
func wrapIn(style lipgloss.Style, s string, w int) []string {
	var out []string
	for _, l := range common.Wrap(s, w-2) {
		out = append(out, " "+style.Render(l))
	}
	return out
}
