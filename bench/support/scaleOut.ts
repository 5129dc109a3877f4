export async function runScaleOut(): Promise<void> {}
