export function MyResultPage() {
  return null;
}
