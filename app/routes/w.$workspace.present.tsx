import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PresenterPage } from "~/components/workshop/PresenterPage";
import { requireWorkspace } from "~/services/auth.server";
import { presenterJoin } from "~/services/presenter.server";
import { loadWorkshop } from "~/services/workshop.server";
import presenterStyles from "~/styles/presenter.css";
import workshopStyles from "~/styles/workshop.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: workshopStyles },
  { rel: "stylesheet", href: presenterStyles },
];

/** The room's screen: for the people who run the workshop (facilitators and owners) only. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const access = await requireWorkspace(request, params.workspace, "facilitate:workspace");
  const [workshop, join] = await Promise.all([loadWorkshop(access, context.collab), presenterJoin(access.workspace.id, new URL(request.url).origin)]);
  return { workspace: access.workspace, join, findings: workshop.findings, state: workshop.state };
}

export default function Present() {
  const data = useLoaderData<typeof loader>();
  return <PresenterPage key={data.workspace.id} {...data} />;
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.workspace.name ?? "Plan"} – room screen – POET Action Planner` }];
