import { describe, expect, it } from 'vitest';
import { lambdaFunctionName, resolveStateMachines, resolveTemplateValue, templateExports } from '../../../local/sfn/template-asl';

const template = {
  Parameters: { Stage: { Type: 'String', Default: 'dev' } },
  Resources: {
    WorkFn1234: { Type: 'AWS::Lambda::Function', Properties: {} },
    Table5678: { Type: 'AWS::DynamoDB::Table', Properties: {} },
    Child9: {
      Type: 'AWS::StepFunctions::StateMachine',
      Properties: { StateMachineName: 'child', DefinitionString: '{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}' },
    },
    MainSM: {
      Type: 'AWS::StepFunctions::StateMachine',
      Properties: {
        DefinitionString: {
          'Fn::Join': [
            '',
            [
              '{"StartAt":"Work","States":{"Work":{"Type":"Task","Resource":"arn:',
              { Ref: 'AWS::Partition' },
              ':states:::lambda:invoke","Parameters":{"FunctionName":"',
              { 'Fn::GetAtt': ['WorkFn1234', 'Arn'] },
              '","Payload":{"table":"',
              { Ref: 'Table5678' },
              '","tableArn":"',
              { 'Fn::GetAtt': ['Table5678', 'Arn'] },
              '","fnName":"',
              { Ref: 'WorkFn1234' },
              '","child":"',
              { Ref: 'Child9' },
              '","where":"',
              { Ref: 'AWS::Region' },
              '/',
              { Ref: 'AWS::AccountId' },
              '/',
              { Ref: 'AWS::URLSuffix' },
              '","stage":"',
              { Ref: 'Stage' },
              '","sub":"${tableName}","n":${limit}}},"End":true}}}',
            ],
          ],
        },
        DefinitionSubstitutions: { tableName: { Ref: 'Table5678' }, limit: 5 },
        StateMachineType: 'EXPRESS',
      },
    },
  },
};

describe('resolveStateMachines', () => {
  it('resolves Fn::Join, Ref, Fn::GetAtt, pseudo parameters, Parameters and DefinitionSubstitutions', () => {
    const sms = resolveStateMachines(template);
    expect(sms.map((s) => s.name).sort()).toEqual(['MainSM', 'child']);
    const main = sms.find((s) => s.logicalId === 'MainSM');
    expect(main).toMatchObject({
      name: 'MainSM',
      arn: 'arn:aws:states:ap-southeast-3:000000000000:stateMachine:MainSM',
      type: 'EXPRESS',
    });
    expect(main?.definition).toEqual({
      StartAt: 'Work',
      States: {
        Work: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: {
            FunctionName: 'arn:aws:lambda:ap-southeast-3:000000000000:function:WorkFn1234',
            Payload: {
              table: 'Table5678',
              tableArn: 'arn:aws:dynamodb:ap-southeast-3:000000000000:table/Table5678',
              fnName: 'WorkFn1234',
              child: 'arn:aws:states:ap-southeast-3:000000000000:stateMachine:child',
              where: 'ap-southeast-3/000000000000/amazonaws.com',
              stage: 'dev',
              sub: 'Table5678',
              n: 5,
            },
          },
          End: true,
        },
      },
    });
    expect(sms.find((s) => s.logicalId === 'Child9')?.type).toBe('STANDARD');
  });

  it('takes region, account, parameters and per-resource overrides from options', () => {
    const [main] = resolveStateMachines(template, {
      region: 'us-east-1',
      account: '123456789012',
      parameters: { Stage: 'prod' },
      refs: { Table5678: 'kinerja-main' },
    }).filter((s) => s.logicalId === 'MainSM');
    const payload = (main?.definition as any).States.Work.Parameters.Payload;
    expect(main?.arn).toBe('arn:aws:states:us-east-1:123456789012:stateMachine:MainSM');
    expect(payload.table).toBe('kinerja-main');
    expect(payload.stage).toBe('prod');
    expect(payload.where).toBe('us-east-1/123456789012/amazonaws.com');
  });

  it('accepts the object Definition form and reports unknown references', () => {
    const t = {
      Resources: {
        Fn: { Type: 'AWS::Lambda::Function' },
        SM: {
          Type: 'AWS::StepFunctions::StateMachine',
          Properties: {
            Definition: {
              StartAt: 'T',
              States: { T: { Type: 'Task', Resource: { 'Fn::GetAtt': ['Fn', 'Arn'] }, End: true } },
            },
          },
        },
      },
    };
    const [sm] = resolveStateMachines(t);
    expect((sm?.definition as any).States.T.Resource).toBe('arn:aws:lambda:ap-southeast-3:000000000000:function:Fn');
    const bad = { Resources: { SM: { Type: 'AWS::StepFunctions::StateMachine', Properties: { DefinitionString: { Ref: 'Nope' } } } } };
    expect(() => resolveStateMachines(bad)).toThrow(/Nope/);
  });

  it('resolves Fn::ImportValue through another template’s exports, and Fn::Sub', () => {
    const stateful = {
      Resources: { Tbl: { Type: 'AWS::DynamoDB::GlobalTable' } },
      Outputs: {
        ExportTbl: { Value: { Ref: 'Tbl' }, Export: { Name: 'Stateful:ExportsOutputRefTbl' } },
        ExportTblArn: { Value: { 'Fn::GetAtt': ['Tbl', 'Arn'] }, Export: { Name: 'Stateful:ExportsOutputTblArn' } },
      },
    };
    const imports = templateExports(stateful);
    expect(imports).toEqual({
      'Stateful:ExportsOutputRefTbl': 'Tbl',
      'Stateful:ExportsOutputTblArn': 'arn:aws:dynamodb:ap-southeast-3:000000000000:table/Tbl',
    });
    const stateless = { Resources: { Fn: { Type: 'AWS::Lambda::Function' } } };
    expect(resolveTemplateValue(stateless, { 'Fn::ImportValue': 'Stateful:ExportsOutputRefTbl' }, { imports })).toBe('Tbl');
    const sub = { 'Fn::Sub': ['${AWS::Partition}|${AWS::Region}|${Fn.Arn}|${Fn}|${Extra}|${!Literal}', { Extra: { Ref: 'Fn' } }] };
    expect(resolveTemplateValue(stateless, sub)).toBe('aws|ap-southeast-3|arn:aws:lambda:ap-southeast-3:000000000000:function:Fn|Fn|Fn|${Literal}');
    expect(() => resolveTemplateValue(stateless, { 'Fn::Sub': '${Missing}' })).toThrow(/Missing/);
  });
});

describe('lambdaFunctionName', () => {
  it.each([
    ['arn:aws:lambda:ap-southeast-3:000000000000:function:WorkFn', 'WorkFn'],
    ['arn:aws:lambda:ap-southeast-3:000000000000:function:WorkFn:live', 'WorkFn'],
    ['000000000000:function:WorkFn', 'WorkFn'],
    ['WorkFn:$LATEST', 'WorkFn'],
    ['WorkFn', 'WorkFn'],
  ])('%s -> %s', (input, name) => {
    expect(lambdaFunctionName(input)).toBe(name);
  });
});
