package output

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/segdash/segdash/client"
)

// WriteSeriesCSV writes series as CSV with the header
// segment_id,segment_name,date,size; segs[i] goes with series[i]. Ids and
// names are text from the API, so they go through CSVText: no control
// characters, escape sequences or bidi overrides (a CSV piped to a
// terminal is a terminal's input too), and no spreadsheet formulas.
func WriteSeriesCSV(w io.Writer, segs []client.Segment, series [][]client.Point) (rows int, err error) {
	return WriteWorkspaceSeriesCSV(w, nil, segs, series)
}

// WriteWorkspaceSeriesCSV is WriteSeriesCSV with a workspace column first
// when workspaces is not nil (workspaces[i] goes with segs[i]): a chart of
// several workspaces may hold the same segment twice.
func WriteWorkspaceSeriesCSV(w io.Writer, workspaces []string, segs []client.Segment, series [][]client.Point) (rows int, err error) {
	cw := csv.NewWriter(w)
	header := []string{"segment_id", "segment_name", "date", "size"}
	if workspaces != nil {
		header = append([]string{"workspace"}, header...)
	}
	cw.Write(header)
	for i, s := range segs {
		id, name := CSVText(s.ID), CSVText(s.Name)
		for _, p := range series[i] {
			row := []string{id, name, p.Day.String(), strconv.FormatInt(p.Size, 10)}
			if workspaces != nil {
				row = append([]string{CSVText(workspaces[i])}, row...)
			}
			cw.Write(row)
			rows++
		}
	}
	cw.Flush()
	return rows, cw.Error()
}

// CSVText makes an untrusted text cell safe: SafeText first, then, as
// OWASP advises against CSV (formula) injection, a cell that starts with
// =, +, -, @, a tab or a carriage return gets a leading single quote, so
// a spreadsheet shows it as text instead of evaluating it
// ("=HYPERLINK(…)" becomes "'=HYPERLINK(…)"). Numbers written by segdash
// (dates, sizes) are not text cells and are left as they are.
func CSVText(s string) string {
	s = SafeText(s)
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
