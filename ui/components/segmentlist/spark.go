package segmentlist

// resample fits values into width cells for the sparkline: each cell is
// the mean of its share of the days. output.Sparkline keeps only the
// newest width values when given more, which for a year's window in a
// 20-cell column would show the last 20 days and call it the year.
func resample(values []int64, width int) []int64 {
	n := len(values)
	if width <= 0 || n <= width {
		return values
	}
	out := make([]int64, width)
	for j := range out {
		lo, hi := j*n/width, (j+1)*n/width
		// A running mean: a sum of sizes could overflow.
		m := 0.0
		for i, v := range values[lo:hi] {
			m += (float64(v) - m) / float64(i+1)
		}
		out[j] = int64(m)
	}
	return out
}
