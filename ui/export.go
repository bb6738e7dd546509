package ui

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/ui/output"
	"github.com/segdash/segdash/ui/series"
)

// chartCSV is the CSV of what the chart shows, and how many rows it has;
// with other workspaces' series on the chart, a workspace column first.
func (m *Model) chartCSV() ([]byte, int, []client.Segment) {
	var segs []client.Segment
	var points [][]client.Point
	var spaces []string
	add := func(ws string, s client.Segment, st *series.State) {
		if st != nil && st.Series != nil {
			segs = append(segs, s)
			points = append(points, st.Series.Points)
			spaces = append(spaces, ws)
		}
	}
	// In the legend's order: the workspaces as the config lists them.
	guests := m.share.shown(m.chart.Solo())
	before := min(m.share.before, len(guests))
	for _, g := range guests[:before] {
		add(g.Workspace, g.Segment, g.State)
	}
	for _, s := range m.charted() {
		add(m.share.here, s, m.store.Get(s.ID))
	}
	for _, g := range guests[before:] {
		add(g.Workspace, g.Segment, g.State)
	}
	if len(guests) == 0 {
		spaces = nil
	}
	var b bytes.Buffer
	n, _ := output.WriteWorkspaceSeriesCSV(&b, spaces, segs, points)
	return b.Bytes(), n, segs
}

// exportCmd puts the charted series as CSV on the clipboard (y: OSC 52,
// which also reaches the clipboard over SSH), or in a new file in
// ExportDir (e).
func (m *Model) exportCmd(clipboard bool) tea.Cmd {
	if clipboard {
		data, n, _ := m.chartCSV()
		if n == 0 {
			return m.status.SetNotice("nothing to copy yet")
		}
		return tea.Batch(tea.SetClipboard(string(data)), m.status.SetNotice(fmt.Sprintf("copied %d rows of CSV", n)))
	}
	if m.opts.ExportDir == "" {
		return m.status.SetNotice("export is off here; y copies the CSV instead")
	}
	data, n, segs := m.chartCSV()
	if n == 0 {
		return m.status.SetNotice("nothing to export yet")
	}
	base := "compare"
	if len(segs) == 1 {
		base = slug(segs[0].Name)
	}
	name := fmt.Sprintf("segdash-%s-%dd-%s", base, m.store.Length(), m.c.Now().UTC().Format("20060102-150405"))
	dir, origin := m.opts.ExportDir, m.c.Origin
	return func() tea.Msg {
		path, err := writeNew(dir, name, ".csv", data)
		return exportedMsg{Origin: origin, path: path, err: err}
	}
}

// writeNew writes data to dir/name.ext, or name-2.ext and so on: it never
// overwrites a file.
func writeNew(dir, name, ext string, data []byte) (string, error) {
	for i := 1; i < 100; i++ {
		p := filepath.Join(dir, name+ext)
		if i > 1 {
			p = filepath.Join(dir, fmt.Sprintf("%s-%d%s", name, i, ext))
		}
		f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, os.ErrExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		if _, err := f.Write(data); err != nil {
			f.Close()
			return "", err
		}
		return p, f.Close()
	}
	return "", fmt.Errorf("too many files named %s in %s", name, dir)
}

// slug makes a file-name-safe short form of a segment name.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
		if b.Len() > 40 {
			break
		}
	}
	out := strings.Trim(b.String(), "-")
	if out == "" {
		return "segment"
	}
	return out
}
