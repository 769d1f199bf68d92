{{/* Chart name, shortened to the 63 characters a DNS label allows. */}}
{{- define "meetmates-signaling.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Full name of the release's resources. Kept to 52 characters so that the headless Service's
"-hazelcast" suffix still fits a 63-character DNS label.
*/}}
{{- define "meetmates-signaling.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 52 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 52 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 52 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "meetmates-signaling.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "meetmates-signaling.labels" -}}
helm.sh/chart: {{ include "meetmates-signaling.chart" . }}
{{ include "meetmates-signaling.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "meetmates-signaling.selectorLabels" -}}
app.kubernetes.io/name: {{ include "meetmates-signaling.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "meetmates-signaling.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "meetmates-signaling.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* Headless Service through which Hazelcast members find each other (DNS lookup discovery). */}}
{{- define "meetmates-signaling.hazelcastServiceName" -}}
{{- printf "%s-hazelcast" (include "meetmates-signaling.fullname" .) }}
{{- end }}

{{- define "meetmates-signaling.hazelcastServiceDns" -}}
{{- printf "%s.%s.svc.cluster.local" (include "meetmates-signaling.hazelcastServiceName" .) .Release.Namespace }}
{{- end }}

{{/*
Ports fixed by the image and by cluster-config/hazelcast-kubernetes.xml (auto-increment off):
they are not values, so that the chart cannot drift from the configuration it ships.
*/}}
{{- define "meetmates-signaling.httpPort" -}}3001{{- end }}
{{- define "meetmates-signaling.hazelcastPort" -}}5701{{- end }}

{{- define "meetmates-signaling.clusterConfigDir" -}}/etc/meetmates/cluster{{- end }}

{{/*
The shipped Kubernetes configuration with its two per-release values filled in. The defaults
replaced here are the ones written in cluster-config/hazelcast-kubernetes.xml.
*/}}
{{- define "meetmates-signaling.hazelcastXml" -}}
{{- $xml := .Files.Get "files/hazelcast-kubernetes.xml" }}
{{- if not (contains "<service-dns>meetmates-signaling-hazelcast.default.svc.cluster.local</service-dns>" $xml) }}
{{- fail "files/hazelcast-kubernetes.xml no longer holds the default service-dns the chart replaces" }}
{{- end }}
{{- $xml = replace "<service-dns>meetmates-signaling-hazelcast.default.svc.cluster.local</service-dns>" (printf "<service-dns>%s</service-dns>" (include "meetmates-signaling.hazelcastServiceDns" .)) $xml }}
{{- $xml = replace "<cluster-name>meetmates</cluster-name>" (printf "<cluster-name>%s</cluster-name>" (include "meetmates-signaling.fullname" .)) $xml }}
{{- $xml }}
{{- end }}
