// Istio's own control plane (the fake discovery server of istio.io/istio/pilot/test/xds)
// fed, step by step, with what the cluster holds — the lab's Services, Pods and endpoints,
// the mesh config istioctl rendered, the manifests applied so far — and Istio's traffic
// simulation (pilot/pkg/simulation) run on the Envoy configuration it generates for
// ServiceC's sidecar and for the egress gateway. Nothing here runs Envoy or a cluster:
// the Envoy listeners, routes and clusters are the ones istiod would push.
package istiosim

import (
	"fmt"
	"strings"
	"testing"
	"time"

	cluster "github.com/envoyproxy/go-control-plane/envoy/config/cluster/v3"
	endpoint "github.com/envoyproxy/go-control-plane/envoy/config/endpoint/v3"
	tlsv3 "github.com/envoyproxy/go-control-plane/envoy/extensions/transport_sockets/tls/v3"
	"google.golang.org/protobuf/proto"
	"sigs.k8s.io/yaml"

	"istio.io/istio/pilot/pkg/model"
	"istio.io/istio/pilot/pkg/simulation"
	"istio.io/istio/pilot/test/xds"
	"istio.io/istio/pkg/config/mesh"
)

const labNamespace = "dev-service-mesh"

type pod struct {
	Name, Namespace, IP string
	Labels              map[string]string
}

// world is the cluster after a step, as Kubernetes objects and Istio config.
type world struct {
	kube, config string
	meshText     string
	pods         map[string]pod // by Deployment name
	serviceIPs   map[string]string
}

func toMap(v any) map[string]string {
	out := map[string]string{}
	if m, ok := v.(map[string]any); ok {
		for k, x := range m {
			out[k] = fmt.Sprint(x)
		}
	}
	return out
}

func marshal(t testing.TB, v any) string {
	b, err := yaml.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// buildWorld assembles the cluster after step n. Pods in a namespace labelled
// istio-injection=enabled get the label the sidecar injector adds
// (security.istio.io/tlsMode: istio); the gateways' pods keep exactly the labels istioctl
// rendered for them.
func buildWorld(t testing.TB, l Lab, n int, skip map[string]string) world {
	t.Helper()
	rendered := render(t, l, l.stepInstall(n))
	meshText, _ := meshConfig(t, rendered)
	var objs []Obj
	for _, f := range l.Base {
		objs = append(objs, readObjs(t, l.path(f))...)
	}
	var config []string
	for _, f := range l.filesUpTo(n) {
		if _, bad := skip[f]; bad {
			continue
		}
		objs = append(objs, readObjs(t, l.path(f))...)
	}
	for _, o := range rendered {
		if o.Namespace() == "istio-system" && (o.Name() == "istio-egressgateway" || o.Name() == "istio-ingressgateway") && (o.Kind() == "Deployment" || o.Kind() == "Service") {
			objs = append(objs, o)
		}
	}
	injected := map[string]bool{}
	var kube []string
	kube = append(kube, marshal(t, Obj{"apiVersion": "v1", "kind": "Namespace", "metadata": map[string]any{"name": "istio-system"}}))
	for _, o := range objs {
		if o.Kind() == "Namespace" {
			injected[o.Name()] = o.str("metadata", "labels", "istio-injection") == "enabled"
			kube = append(kube, marshal(t, o))
		}
	}
	w := world{meshText: meshText, pods: map[string]pod{}, serviceIPs: map[string]string{}}
	nextPod, nextSvc := 10, 10
	for _, o := range objs {
		if o.Kind() != "Deployment" {
			continue
		}
		labels := toMap(o.get("spec", "template", "metadata", "labels"))
		if injected[o.Namespace()] {
			labels["security.istio.io/tlsMode"] = "istio"
		}
		p := pod{Name: o.Name() + "-0", Namespace: o.Namespace(), IP: fmt.Sprintf("10.244.0.%d", nextPod), Labels: labels}
		nextPod++
		w.pods[o.Name()] = p
		kube = append(kube, marshal(t, map[string]any{
			"apiVersion": "v1", "kind": "Pod",
			"metadata": map[string]any{"name": p.Name, "namespace": p.Namespace, "labels": labels},
			"spec":     map[string]any{"containers": []any{map[string]any{"name": "app", "image": "app"}}},
			"status": map[string]any{
				"phase": "Running", "podIP": p.IP, "podIPs": []any{map[string]any{"ip": p.IP}},
				"conditions": []any{map[string]any{"type": "Ready", "status": "True"}},
			},
		}))
	}
	for _, o := range objs {
		switch {
		case o.Kind() == "Service":
			ip := fmt.Sprintf("10.96.0.%d", nextSvc)
			nextSvc++
			w.serviceIPs[o.Name()+"."+o.Namespace()] = ip
			spec, _ := o.get("spec").(map[string]any)
			spec["clusterIP"] = ip
			kube = append(kube, marshal(t, o))
			kube = append(kube, endpointSlice(t, o, w.pods))
		case o.IsIstio():
			if o.Namespace() == "" {
				o["metadata"].(map[string]any)["namespace"] = labNamespace // applied in the learner's namespace
			}
			config = append(config, marshal(t, o))
		}
	}
	w.kube = strings.Join(kube, "---\n")
	w.config = strings.Join(config, "---\n")
	return w
}

// endpointSlice is what Kubernetes' EndpointSlice controller would write for svc.
func endpointSlice(t testing.TB, svc Obj, pods map[string]pod) string {
	sel := toMap(svc.get("spec", "selector"))
	var eps []any
	for _, p := range pods {
		if p.Namespace != svc.Namespace() || len(sel) == 0 {
			continue
		}
		match := true
		for k, v := range sel {
			match = match && p.Labels[k] == v
		}
		if match {
			eps = append(eps, map[string]any{
				"addresses": []any{p.IP}, "conditions": map[string]any{"ready": true},
				"targetRef": map[string]any{"kind": "Pod", "name": p.Name, "namespace": p.Namespace},
			})
		}
	}
	var ports []any
	if ps, ok := svc.get("spec", "ports").([]any); ok {
		for _, x := range ps {
			po := x.(map[string]any)
			target := po["targetPort"]
			if _, isNum := target.(float64); !isNum {
				target = po["port"]
			}
			ports = append(ports, map[string]any{"name": po["name"], "port": target, "protocol": "TCP"})
		}
	}
	return marshal(t, map[string]any{
		"apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice", "addressType": "IPv4",
		"metadata":  map[string]any{"name": svc.Name() + "-slice", "namespace": svc.Namespace(), "labels": map[string]any{"kubernetes.io/service-name": svc.Name()}},
		"endpoints": eps, "ports": ports,
	})
}

// Facts are what Istio's simulation says about one step.
type Facts struct {
	Step int
	// Where ServiceC's sidecar sends an HTTP call to Host:80 and a TLS call (SNI SecureHost) to :443.
	SidecarHTTP, SidecarTLS string
	// Where the egress gateway sends the same calls arriving on its pod ports 8080 / 8443.
	GatewayHTTP, GatewayTLS string
	// HopTLS: what protects the sidecar -> egress gateway connection of the HTTP route.
	HopTLS string
}

func describe(r simulation.Result) string {
	if r.Error != nil {
		return fmt.Sprintf("error: %v (listener %q, route %q)", r.Error, r.ListenerMatched, r.RouteMatched)
	}
	if r.ClusterMatched == "" {
		return fmt.Sprintf("no cluster (listener %q, route %q, virtual host %q)", r.ListenerMatched, r.RouteMatched, r.VirtualHostMatched)
	}
	return r.ClusterMatched
}

// simulate runs Istio's control plane on the world after step n.
func simulate(t *testing.T, l Lab, n int, skip map[string]string) Facts {
	t.Helper()
	w := buildWorld(t, l, n, skip)
	m, err := mesh.ApplyMeshConfigDefaults(w.meshText)
	if err != nil {
		t.Fatalf("mesh config: %v", err)
	}
	s := xds.NewFakeDiscoveryServer(t, xds.FakeOptions{KubernetesObjectString: w.kube, ConfigString: w.config, MeshConfig: m})
	facts := Facts{Step: n}

	c := w.pods["service-c-deployment"]
	sidecar := s.SetupProxy(&model.Proxy{
		ID: c.Name + "." + c.Namespace, IPAddresses: []string{c.IP}, Labels: c.Labels, ConfigNamespace: c.Namespace,
		Metadata: &model.NodeMetadata{Namespace: c.Namespace, Labels: c.Labels, ClusterID: "Kubernetes", IstioVersion: "1.30.0"},
	})
	hostAddr, secureAddr := l.address(w, l.Host), l.address(w, l.SecureHost)
	sim := simulation.NewSimulation(t, s, sidecar)
	facts.SidecarHTTP = describe(sim.Run(simulation.Call{Address: hostAddr, Port: 80, Protocol: simulation.HTTP, HostHeader: l.Host, CallMode: simulation.CallModeOutbound}))
	facts.SidecarTLS = describe(sim.Run(simulation.Call{Address: secureAddr, Port: 443, Protocol: simulation.TCP, TLS: simulation.TLS, Sni: l.SecureHost, HostHeader: l.SecureHost, CallMode: simulation.CallModeOutbound}))
	hopPort := 80
	if l.HopPort != 0 {
		hopPort = l.HopPort
	}
	facts.HopTLS = hopTLS(t, s, sidecar, sim.Clusters, fmt.Sprintf("outbound|%d|%s|%s", hopPort, l.Subset, egressFQDN))

	if gw, ok := w.pods["istio-egressgateway"]; ok {
		gateway := s.SetupProxy(&model.Proxy{
			ID: gw.Name + ".istio-system", Type: model.Router, IPAddresses: []string{gw.IP}, Labels: gw.Labels, ConfigNamespace: "istio-system",
			Metadata: &model.NodeMetadata{Namespace: "istio-system", Labels: gw.Labels, ClusterID: "Kubernetes", IstioVersion: "1.30.0"},
		})
		gsim := simulation.NewSimulation(t, s, gateway)
		httpCall := simulation.Call{Port: 8080, Protocol: simulation.HTTP, HostHeader: l.Host, CallMode: simulation.CallModeGateway}
		if l.GatewayMTLS {
			httpCall.Port, httpCall.TLS, httpCall.Sni = 8443, simulation.MTLS, l.Host
		}
		facts.GatewayHTTP = describe(gsim.Run(httpCall))
		facts.GatewayTLS = describe(gsim.Run(simulation.Call{Port: 8443, Protocol: simulation.TCP, TLS: simulation.TLS, Sni: l.SecureHost, HostHeader: l.SecureHost, CallMode: simulation.CallModeGateway}))
	} else {
		facts.GatewayHTTP, facts.GatewayTLS = "no egress gateway", "no egress gateway"
	}
	return facts
}

// hopTLS says what Envoy would put on connections of the sidecar's cluster `name`: the
// cluster's own transport socket, or — Istio's automatic mutual TLS — a socket chosen per
// endpoint by the endpoint's tlsMode metadata, which the endpoints of that cluster do or do
// not carry (pilot/pkg/networking/core/cluster_tls.go; the metadata comes from the pod's
// security.istio.io/tlsMode label).
func hopTLS(t *testing.T, s *xds.FakeDiscoveryServer, proxy *model.Proxy, clusters []*cluster.Cluster, name string) string {
	var c *cluster.Cluster
	for _, x := range clusters {
		if x.Name == name {
			c = x
		}
	}
	if c == nil {
		return "no such cluster"
	}
	if ts := c.GetTransportSocket(); ts != nil {
		return "TLS on every connection (" + tlsKind(ts.GetTypedConfig().GetValue()) + ")"
	}
	if len(c.GetTransportSocketMatches()) == 0 {
		return "plaintext (no transport socket)"
	}
	// Automatic mTLS: which endpoints match the istio socket? Wait for EDS to have them.
	var eps []*endpoint.LbEndpoint
	deadline := time.Now().Add(10 * time.Second)
	for len(eps) == 0 && time.Now().Before(deadline) {
		for _, cla := range s.Endpoints(proxy) {
			if cla.GetClusterName() == name {
				for _, le := range cla.GetEndpoints() {
					eps = append(eps, le.GetLbEndpoints()...)
				}
			}
		}
		if len(eps) == 0 {
			time.Sleep(50 * time.Millisecond) // polling the endpoint index until the pods' slices land
		}
	}
	if len(eps) == 0 {
		return "auto mTLS, but the cluster has no endpoints"
	}
	mtls := 0
	for _, e := range eps {
		md := e.GetMetadata().GetFilterMetadata()["envoy.transport_socket_match"]
		if md.GetFields()["tlsMode"].GetStringValue() == "istio" {
			mtls++
		}
	}
	if mtls == len(eps) {
		return "mutual TLS (automatic: the endpoints carry tlsMode=istio)"
	}
	return fmt.Sprintf("plaintext (automatic mTLS applies only to endpoints with tlsMode=istio; %d of %d have it)", mtls, len(eps))
}

func tlsKind(raw []byte) string {
	var ctx tlsv3.UpstreamTlsContext
	if err := proto.Unmarshal(raw, &ctx); err != nil {
		return "unreadable TLS context"
	}
	for _, sds := range ctx.GetCommonTlsContext().GetTlsCertificateSdsSecretConfigs() {
		if sds.GetName() == "default" {
			return "ISTIO_MUTUAL, SNI " + ctx.GetSni()
		}
	}
	return "TLS, SNI " + ctx.GetSni()
}
