// The local camera and microphone.

const CONSTRAINTS = { video: { width: { ideal: 1280 }, height: { ideal: 720 } }, audio: true };

/** Resolves to {stream} or {stream: null, reason} with a sentence a person understands. */
export async function openCamera() {
  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    return { stream: null, reason: 'This browser cannot use a camera here (it needs HTTPS or localhost).' };
  }
  try {
    return { stream: await navigator.mediaDevices.getUserMedia(CONSTRAINTS) };
  } catch (error) {
    return { stream: null, reason: explain(error) };
  }
}

function explain(error) {
  switch (error && error.name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'Camera and microphone were refused.';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'No camera or microphone was found.';
    case 'NotReadableError':
    case 'AbortError':
      return 'The camera is busy in another application.';
    default:
      return `The camera could not be opened (${error && error.name ? error.name : 'unknown error'}).`;
  }
}

export function stopStream(stream) {
  if (stream) stream.getTracks().forEach((track) => track.stop());
}
