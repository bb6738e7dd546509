package main

import (
	"strconv"
	"time"

	"github.com/segdash/segdash/client"
)

func itoa64(n int64) string { return strconv.FormatInt(n, 10) }

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', 3, 64) }

func dateOf(t time.Time) client.Date { return client.DateOf(t) }
