// Package istiosim checks katarun's istio-egress lab with Istio's own code: istioctl and
// the control plane built from the istio.io/istio module this module requires. Everything
// is in the _test.go files; run it with `go test ./...` here or `npm run test:istio-sim`.
package istiosim
