// Package statusbar is the dashboard's bottom line: the fields the root
// hands it, a transient notice it owns, and the help hint.
package statusbar

import (
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/ui/common"
	"github.com/segdash/segdash/ui/output"
)

// How long notices stay: a start-up warning longer than a key's answer.
const (
	noticeFor      = 4 * time.Second
	startNoticeFor = 15 * time.Second
)

// expiredMsg clears the notice shown at at, unless a newer one replaced it.
type expiredMsg struct {
	common.Origin
	at time.Time
}

// Model is the status bar's state.
type Model struct {
	c        *common.Common
	notice   string
	noticeAt time.Time
	keys     string // the current mode's keys; "" for the dashboard's
	fields   []string
	optional []string
}

// New returns a status bar without a notice.
func New(c *common.Common) *Model { return &Model{c: c} }

// SetNotice shows a transient message for a few seconds.
func (m *Model) SetNotice(s string) tea.Cmd { return m.show(s, noticeFor) }

// SetStartNotice shows a message from start-up at once, in the first
// frame; StartExpiry (from Init) times it out, later than other notices.
func (m *Model) SetStartNotice(s string) { m.notice, m.noticeAt = s, m.c.Now() }

// StartExpiry times the start-up notice out.
func (m *Model) StartExpiry() tea.Cmd {
	if m.notice == "" {
		return nil
	}
	return m.expire(startNoticeFor)
}

func (m *Model) show(s string, d time.Duration) tea.Cmd {
	m.notice, m.noticeAt = s, m.c.Now()
	return m.expire(d)
}

func (m *Model) expire(d time.Duration) tea.Cmd {
	at := m.noticeAt
	return m.c.Tick(d, func(time.Time) tea.Msg { return expiredMsg{Origin: m.c.Origin, at: at} })
}

// Notice is the notice shown, or "".
func (m *Model) Notice() string { return m.notice }

// Update clears an expired notice; it reports whether msg was its own.
func (m *Model) Update(msg tea.Msg) bool {
	e, ok := msg.(expiredMsg)
	if ok && e.at.Equal(m.noticeAt) {
		m.notice = ""
	}
	return ok
}

// SetKeys sets the keys of the current mode the bar shows on its right
// ("enter apply · esc clear · ↑↓ move"); "" shows "? help  q quit".
func (m *Model) SetKeys(keys string) { m.keys = keys }

// SetFields gives the bar's fields and the optional ones, shown where
// they fit, before View.
func (m *Model) SetFields(fields []string, optional ...string) {
	m.fields, m.optional = fields, optional
}

// View draws the bar across the terminal: the fields, the notice, the
// optional fields that still fit whole (the notice comes first), and the
// keys of the current mode on the right. A notice that does not fit pushes
// the last fields out, for the few seconds it shows: it is the news, and
// its reason is at its end.
func (m *Model) View() string {
	fields, optional := append([]string(nil), m.fields...), m.optional
	keys := m.keys
	if keys == "" {
		keys = "? help  q quit"
	}
	// The fields' cells: the bar less its leading space, Spread's gap and
	// the keys with their trailing space.
	room := m.c.Width - 1 - common.SpreadGap - output.Width(keys) - 1
	if m.notice != "" {
		notice := output.SafeText(m.notice)
		for len(fields) > 0 && output.Width(strings.Join(fields, " · "))+3+output.Width(notice) > room {
			fields = fields[:len(fields)-1] // the last fields say least
		}
		fields = append(fields, notice)
	}
	left := " " + strings.Join(fields, " · ")
	for _, f := range optional {
		if w := output.Width(left) - 1 + 3 + output.Width(f); w <= room {
			left += " · " + f
		}
	}
	return m.c.Styles.StatusBar.Render(common.Spread(left, keys+" ", m.c.Width))
}
