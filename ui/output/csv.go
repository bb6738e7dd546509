package output

import (
	"encoding/csv"
	"io"
	"strconv"

	"github.com/segdash/segdash/client"
)

// SeriesCSV writes series as CSV with the header
// segment_id,segment_name,date,size; segs[i] goes with series[i]. With safe
// set (output bound for a terminal) names go through SafeText; otherwise
// they are kept exactly, CSV quoting protecting them.
func SeriesCSV(w io.Writer, segs []client.Segment, series [][]client.Point, safe bool) (rows int, err error) {
	cw := csv.NewWriter(w)
	cw.Write([]string{"segment_id", "segment_name", "date", "size"})
	for i, s := range segs {
		name := s.Name
		if safe {
			name = SafeText(name)
		}
		for _, p := range series[i] {
			cw.Write([]string{s.ID, name, p.Day.String(), strconv.FormatInt(p.Size, 10)})
			rows++
		}
	}
	cw.Flush()
	return rows, cw.Error()
}
