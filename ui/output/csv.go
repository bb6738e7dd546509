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
	cw := csv.NewWriter(w)
	cw.Write([]string{"segment_id", "segment_name", "date", "size"})
	for i, s := range segs {
		id, name := CSVText(s.ID), CSVText(s.Name)
		for _, p := range series[i] {
			cw.Write([]string{id, name, p.Day.String(), strconv.FormatInt(p.Size, 10)})
			rows++
		}
	}
	cw.Flush()
	return rows, cw.Error()
}

// SeriesCSV is WriteSeriesCSV, kept for its callers. safe is ignored:
// text is made safe whatever the destination, since a file written today
// is printed on a terminal tomorrow.
func SeriesCSV(w io.Writer, segs []client.Segment, series [][]client.Point, safe bool) (rows int, err error) {
	return WriteSeriesCSV(w, segs, series)
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
