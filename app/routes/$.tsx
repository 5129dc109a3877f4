// Any URL no other route matches: answer a real 404 so the root error boundary shows "Page not found".
export async function loader() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return null;
}
