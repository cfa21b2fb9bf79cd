// Client code for documents/approveWorkflowTask.graphql, type-checked by
// `tsc --noEmit` in tests/test_codegen.py. Nothing here runs; it must only compile.
import type {
  ApproveWorkflowTaskMutation,
  ApproveWorkflowTaskMutationVariables,
} from "./generated/graphql";
import { SnippetType, WorkflowStatus, type ContentRef } from "./generated/schema";

// ContentRef is @oneOf: a page or a snippet.
const pageTarget: ContentRef = { page: "8" };
const snippetTarget: ContentRef = { snippet: { type: SnippetType.Person, id: "2" } };
export const approvePage: ApproveWorkflowTaskMutationVariables = {
  target: pageTarget,
  comment: "Looks good",
};
export const approveSnippet: ApproveWorkflowTaskMutationVariables = { target: snippetTarget };

// @ts-expect-error @oneOf: a page or a snippet, not both
export const both: ContentRef = { page: "8", snippet: { type: SnippetType.Person, id: "2" } };
// @ts-expect-error a snippet reference needs its type
export const untyped: ContentRef = { snippet: { id: "2" } };
// @ts-expect-error the target is required
export const noTarget: ApproveWorkflowTaskMutationVariables = { comment: "x" };

export function describe(result: ApproveWorkflowTaskMutation): string {
  const payload = result.approveWorkflowTask;
  for (const error of payload.errors) {
    if (error.__typename === "WorkflowStateError") {
      return `cannot approve: ${error.code} (now ${error.workflowState?.status ?? "none"})`;
    }
  }
  const state = payload.workflowState;
  if (state === null || state === undefined) return "failed";
  switch (state.status) {
    case WorkflowStatus.Approved:
      return payload.page?.live ? "published" : "approved";
    case WorkflowStatus.InProgress:
      return `next: ${state.currentTaskState?.task.name ?? "?"}`;
    case WorkflowStatus.NeedsChanges:
    case WorkflowStatus.Cancelled:
      return state.status;
  }
}
