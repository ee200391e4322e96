//go:build tools

// The tests build istioctl from the module (istioctl_test.go); this import keeps its
// packages in go.mod and go.sum. The build tag keeps the file out of every build.
package istiosim

import _ "istio.io/istio/istioctl/cmd/istioctl"
