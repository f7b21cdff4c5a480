import { Field, ID, ObjectType } from 'type-graphql';
import type { Labels } from '../../db/enum-labels';
import { registerBilingualEnum } from '../../graphql/types/enums';
import { Node, PageInfo } from '../../graphql/types/relay';
import { DateTimeScalar } from '../../graphql/types/scalars';

/** What happened to an object, as the public sees it. */
export enum ChangeOp {
  INSERT = 'INSERT',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
}
const ChangeOpLabels: Labels<ChangeOp> = {
  INSERT: ['新增', 'It became public: created, or published (a draft published, an offer put back on)'],
  UPDATE: ['更新', 'It changed while public: read `node` (or fetch it) for its current state'],
  DELETE: ['删除', 'It is no longer public: deleted, withdrawn or unpublished (a tombstone); drop it from your copy'],
};
registerBilingualEnum(ChangeOp, 'ChangeOp', 'What happened to an object of a public dataset (变更类型)', ChangeOpLabels);

@ObjectType({ description: 'One change of a public dataset, in commit order (数据集变更)' })
export class Change {
  @Field(() => ID, { description: 'Global ID of the object that changed; for a DELETE, the ID to drop (变更对象的全局ID)' })
  id!: string;

  @Field({ description: 'The dataset it belongs to, e.g. `fair-listings` (see `/datasets`) (所属数据集)' })
  dataset!: string;

  @Field(() => ChangeOp, { description: 'INSERT, UPDATE or DELETE (tombstone) (变更类型)' })
  op!: ChangeOp;

  @Field(() => DateTimeScalar, { description: 'When the transaction that made the change committed (提交时间)' })
  committedAt!: string;

  @Field(() => Node, {
    nullable: true,
    description:
      'The object as it is now, with the fields you select; null for a DELETE and for an object that is no longer public (a later change of the feed says so) (变更对象的当前状态)',
  })
  node!: Record<string, unknown> | null;
}

@ObjectType({ description: 'A change with its cursor (带游标的变更)' })
export class ChangeEdge {
  @Field({ description: 'Opaque cursor of this change: pass as `after` to continue after it (游标)' })
  cursor!: string;

  @Field(() => Change, { description: 'The change (变更)' })
  node!: Change;
}

@ObjectType({ description: 'A page of the change feed, in commit order (变更页)' })
export class ChangeConnection {
  @Field(() => [ChangeEdge], { description: 'Changes with their cursors (带游标的变更)' })
  edges!: ChangeEdge[];

  @Field(() => [Change], { description: 'The changes of this page, without cursors (本页变更)' })
  nodes!: Change[];

  @Field(() => PageInfo, { description: 'Paging state: `hasNextPage` means more changes are committed already (分页信息)' })
  pageInfo!: PageInfo;

  @Field({
    description: 'The cursor to store and pass as `after` next time, even when the page is empty: everything up to it has been delivered (下次请求使用的游标)',
  })
  cursor!: string;

  @Field({
    description:
      'True when changes after `after` have been pruned (older than the retention period): the page is empty; take a full copy again (bulk download) and continue from its cursor (需要重新全量同步)',
  })
  resync!: boolean;
}
