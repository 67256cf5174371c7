package a

import (
	// expect: analytics-sdk @segment
	analytics "github.com/segmentio/analytics-go/v3"
	// expect: analytics-sdk @posthog
	"github.com/posthog/posthog-go"
)

func f() { _ = analytics.New("k"); _ = posthog.New("k") }
