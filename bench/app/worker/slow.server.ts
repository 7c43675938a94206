/** The streaming contestant's slow data: 300 ms, like a far-away API. */
export async function slowData(label: string): Promise<string> {
  await new Promise((resolve) => setTimeout(resolve, 300));
  return `${label} arrived`;
}
