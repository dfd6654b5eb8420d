// The write thread's first module: a worker thread does not inherit the TypeScript loader, so it
// registers it here, then runs the thread itself (write-worker.ts).
import { register } from 'tsx/esm/api'

register()
await import('./write-worker.ts')
