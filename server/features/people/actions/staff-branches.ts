import type { ActionOutput, ParsedInput } from '../../../../src/core/contract';
import { compareBranches } from '../../../../src/core/people/branch';
import type { StaffDoc } from '../../../kernel/member';
import { branchCounts } from '../branches';
import type { Ctx } from '../ctx';
import { staffPick } from '../views';

/** The unit's party branches with their members and secretaries, from the branch counts. */
export async function staffBranches(
  _input: ParsedInput<'staff.branches'>,
  ctx: Ctx,
): Promise<ActionOutput<'staff.branches'>> {
  const branches = [...(await branchCounts(ctx.store)).values()].sort((a, b) => compareBranches(a.branch, b.branch));
  const ids = [...new Set(branches.flatMap((b) => b.secretaries ?? []))];
  const staff = ctx.store.collection('staff');
  const secretaries = new Map<string, StaffDoc>();
  for (const doc of await Promise.all(ids.map((id) => staff.get(id)))) if (doc) secretaries.set(doc._id, doc);
  return {
    items: branches.map((b) => ({
      name: b.branch,
      members: b.active,
      secretaries: (b.secretaries ?? []).flatMap((id) => {
        const doc = secretaries.get(id);
        return doc ? [staffPick(doc)] : [];
      }),
    })),
  };
}
