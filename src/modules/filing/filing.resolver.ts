import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Extensions, Field, FieldResolver, ID, Info, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { type Context, requireAuthority, requireViewer } from '../../graphql/context';
import { IDEMPOTENCY_KEY_DOC, mutationPayload, type MutationResult } from '../../graphql/mutation';
import type { PayloadError } from '../../graphql/payload';
import { runConnection } from '../../graphql/sql/connection';
import { Sql } from '../../graphql/sql/declare';
import { one, resolver } from '../../graphql/sql/fields';
import { Params } from '../../graphql/sql/params';
import { NameResolver } from '../../graphql/types/name-resolver';
import { Connection, PageArgsType } from '../../graphql/types/relay';
import { OverseasWarehouse } from '../warehouse/warehouse.types';
import { DOCUMENTS_MAX, REASONS_MAX } from './filing.bounds';
import { FilingError } from './filing.errors';
import {
  FilingReturnReasonInput,
  FilingRevocationReasonInput,
  ResubmitWarehouseFilingInput,
  SubmitWarehouseFilingInput,
  WarehouseFilingFilter,
} from './filing.inputs';
import { filingByNumber, filingDocuments, filingHistory, type FilingRow, listFilings } from './filing.service';
import { CustomsOffice, FILING_PARTIES, FilingDocument, FilingEvent, WarehouseFiling } from './filing.types';
import { acceptFiling, resubmitFiling, returnFiling, revokeFiling, submitFiling, withdrawFiling } from './filing.writes';

export const WarehouseFilingConnection = Connection(WarehouseFiling, 'WarehouseFiling', '海外仓备案');
export const CustomsOfficeConnection = Connection(CustomsOffice, 'CustomsOffice', '海关关区');

@ObjectType({ description: 'Result of a warehouse-filing mutation (海外仓备案操作结果)' })
export class WarehouseFilingPayload {
  @Field(() => WarehouseFiling, { nullable: true, description: 'The filing, when the mutation succeeded (备案)' })
  filing?: WarehouseFiling;

  @Field(() => [FilingError], { description: 'Problems; empty on success (错误)' })
  errors!: PayloadError[];

  @Field({ description: 'True when this is the stored result of an earlier call with the same idempotency key (是否重放)' })
  replayed!: boolean;
}

const payload = (ctx: Context, info: GraphQLResolveInfo, r: MutationResult & { replayed: boolean }) =>
  mutationPayload(ctx, info, 'WarehouseFilingPayload', 'filing', 'WarehouseFiling', 'warehouse_filing', r);
const FILING_ID_DOC = 'The filing’s global ID (备案ID)';

/** Reads: customs offices and filings (thin: one service call each). */
@Resolver(() => WarehouseFiling)
export class FilingResolver {
  @Query(() => CustomsOfficeConnection, { description: 'Customs districts a warehouse can be filed with, by district code (海关关区列表)' })
  customsOffices(@Args() page: PageArgsType, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return runConnection(
      ctx,
      info,
      {
        type: 'CustomsOffice',
        from: 'customs_office t',
        where: [],
        order: [{ name: 'CODE', expr: 't.code', type: 'text', desc: false }],
        params: new Params(),
        key: 't.code',
        keyType: 'text',
      },
      page,
    );
  }

  @Extensions({ cost: { weight: 2 } })
  @Query(() => WarehouseFilingConnection, {
    description:
      'Overseas-warehouse filings by number: ACCEPTED and REVOKED ones for everyone; with an API key also your enterprise’s in every state, with an authority key those filed with your office (海外仓备案列表)',
  })
  warehouseFilings(
    @Args() page: PageArgsType,
    @Arg('filter', () => WarehouseFilingFilter, { nullable: true, description: 'Conditions every row must meet (筛选条件)' }) filter:
      | WarehouseFilingFilter
      | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listFilings(ctx, info, { ...page, filter });
  }

  @Query(() => WarehouseFiling, {
    nullable: true,
    description: 'One filing by its number, e.g. to check a warehouse’s filing; null when none has it or you may not see it (按编号查询海外仓备案)',
  })
  warehouseFiling(
    @Arg('number', { description: 'The filing number, 14 digits (备案编号)' }) number: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return filingByNumber(ctx, info, number);
  }

  @Sql(resolver(FILING_PARTIES))
  @Extensions({ cost: { listSize: DOCUMENTS_MAX } })
  @FieldResolver(() => [FilingDocument], { description: 'Supporting documents, in the order given (证明材料)' })
  documents(@Root() row: FilingRow, @Ctx() ctx: Context) {
    return filingDocuments(ctx, row);
  }

  @Sql(resolver(FILING_PARTIES))
  @Extensions({ cost: { listSize: 10 } })
  @FieldResolver(() => [FilingEvent], { description: 'Every status change, oldest first: the audit trail (状态变更记录)' })
  history(@Root() row: FilingRow, @Ctx() ctx: Context) {
    return filingHistory(ctx, row);
  }
}

/** The operator's filing mutations (an enterprise's API key). */
@Resolver()
export class FilingOperatorResolver {
  @Mutation(() => WarehouseFilingPayload, {
    description:
      'File an overseas warehouse your enterprise operates with a customs office: SUBMITTED, with a new number. One filing per warehouse, valid nationwide once accepted (提交海外仓备案)',
  })
  async submitWarehouseFiling(
    @Arg('input', () => SubmitWarehouseFilingInput, { description: 'The filing (备案内容)' }) input: SubmitWarehouseFilingInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return payload(ctx, info, await submitFiling(ctx, requireViewer(ctx), input, key));
  }

  @Mutation(() => WarehouseFilingPayload, {
    description: 'Correct a RETURNED filing of yours and submit it again, under the same number (修改并重新提交退回的备案)',
  })
  async resubmitWarehouseFiling(
    @Arg('id', () => ID, { description: FILING_ID_DOC }) id: string,
    @Arg('input', () => ResubmitWarehouseFilingInput, { description: 'The corrections (修改内容)' }) input: ResubmitWarehouseFilingInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return payload(ctx, info, await resubmitFiling(ctx, requireViewer(ctx), id, input, key));
  }

  @Mutation(() => WarehouseFilingPayload, { description: 'Withdraw a filing of yours not yet accepted (SUBMITTED or RETURNED) (撤回备案)' })
  async withdrawWarehouseFiling(
    @Arg('id', () => ID, { description: FILING_ID_DOC }) id: string,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return payload(ctx, info, await withdrawFiling(ctx, requireViewer(ctx), id, key));
  }
}

/** A customs office's review mutations (an authority key, for the filings filed with its office). */
@Resolver()
export class FilingAuthorityResolver {
  @Mutation(() => WarehouseFilingPayload, {
    description: 'Accept a SUBMITTED filing filed with your office: ACCEPTED, valid nationwide from today, China time (authority key) (受理通过备案)',
  })
  async acceptWarehouseFiling(
    @Arg('id', () => ID, { description: FILING_ID_DOC }) id: string,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return payload(ctx, info, await acceptFiling(ctx, requireAuthority(ctx), id, key));
  }

  @Mutation(() => WarehouseFilingPayload, {
    description: 'Return a SUBMITTED filing filed with your office, saying what to correct; the operator resubmits it (authority key) (退回备案)',
  })
  async returnWarehouseFiling(
    @Arg('id', () => ID, { description: FILING_ID_DOC }) id: string,
    @Arg('reasons', () => [FilingReturnReasonInput], { description: `What to correct, 1–${REASONS_MAX} reasons (退回原因)` })
    reasons: FilingReturnReasonInput[],
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return payload(ctx, info, await returnFiling(ctx, requireAuthority(ctx), id, reasons, key));
  }

  @Mutation(() => WarehouseFilingPayload, {
    description: 'Revoke an ACCEPTED filing filed with your office; the revoked filing and its reason stay public (authority key) (撤销备案)',
  })
  async revokeWarehouseFiling(
    @Arg('id', () => ID, { description: FILING_ID_DOC }) id: string,
    @Arg('reason', () => FilingRevocationReasonInput, { description: 'Why (撤销原因)' }) reason: FilingRevocationReasonInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return payload(ctx, info, await revokeFiling(ctx, requireAuthority(ctx), id, reason, key));
  }
}

/** OverseasWarehouse.filing: the accepted filing, public (declared here: the warehouse module knows nothing of filings). */
@Resolver(() => OverseasWarehouse)
export class WarehouseFilingFieldResolver {
  @Sql(one((t, c) => `warehouse_filing ${c} where ${c}.warehouse_id = ${t}.id and ${c}.status = 'ACCEPTED'`))
  @FieldResolver(() => WarehouseFiling, {
    nullable: true,
    description: 'Its ACCEPTED filing, valid nationwide whichever customs office accepted it; null when it is not filed (海外仓备案，一地备案、全国通用)',
  })
  filing(@Root() row: Record<string, unknown>) {
    return row.filing;
  }
}

export const filingResolvers = [
  FilingResolver,
  FilingOperatorResolver,
  FilingAuthorityResolver,
  WarehouseFilingFieldResolver,
  NameResolver(CustomsOffice),
  NameResolver(CustomsOffice, 'city', 'City'),
] as const;
